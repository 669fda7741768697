"""App-wide error handlers: one answers the exception's text only in debug mode (low); one
answers it whatever the mode, its conditional testing something else (medium)."""
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, jwt_required
from sqlalchemy.exc import SQLAlchemyError

app = Flask(__name__)
JWTManager(app)


@app.errorhandler(SQLAlchemyError)
def handle_sqlalchemy_error(error):
    response = jsonify({
        "message": "Database operation failed",
        "details": str(error) if app.debug else None,  # expect: FL402(low)
    })
    response.status_code = 500
    return response


@app.errorhandler(Exception)
def handle_error(error):
    verbose = True
    return jsonify({"details": str(error) if verbose else None}), 500  # expect: FL402(medium)


@app.post("/login")
def login():
    return jsonify(token=create_access_token(identity="admin"))


@app.get("/reports")
@jwt_required()
def reports():
    return jsonify([])


@app.get("/open")
def open_page():
    return jsonify(ok=True)
