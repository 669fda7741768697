"""Property's error handlers: the exception's text goes into the answer only when the app does
not run in production (`ENV != "production"`, `DEBUG`); a deployed application answers with the
generic text: low. A switch that is no development setting keeps the finding medium."""
from flask import Flask, jsonify
from flask_login import LoginManager, login_required
from sqlalchemy.exc import SQLAlchemyError

app = Flask(__name__)
app.config.from_prefixed_env()
login_manager = LoginManager(app)


@app.get("/reports")
@login_required
def reports():
    return jsonify([])


@app.get("/listings")
def listings():
    return jsonify([])


@app.errorhandler(SQLAlchemyError)
def database_error(error):
    if app.config.get("ENV") != "production":
        message = f"Database error: {str(error)}"
    else:
        message = "A database error occurred. Please try again later."
    return jsonify(error="Database Error", message=message), 500  # expect: FL402(low)


@app.errorhandler(Exception)
def unexpected_error(error):
    if app.config.get("DEBUG", False):
        details = str(error)
    else:
        details = "An unexpected error occurred"
    return jsonify(error="Internal server error", details=details), 500  # expect: FL402(low)


@app.errorhandler(OSError)
def server_error(error):
    if app.config.get("VERBOSE_ERRORS"):
        details = str(error)
    else:
        details = "Server error"
    return jsonify(error="Server error", details=details), 500  # expect: FL402(medium)
