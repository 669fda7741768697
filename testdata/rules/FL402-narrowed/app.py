"""An API's shared error handler that answers each exception class in its own branch (after
pyfedi's `shared_error_handler`): the branches for Flask-Limiter's 429 and SQLAlchemy's fixed
"No row was found" answer with text written for clients, and a branch's own fixed body is not
the text another branch put in the same local. The catch-all branch leaks."""
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, jwt_required
from flask_limiter.errors import RateLimitExceeded
from sqlalchemy.exc import NoResultFound
from werkzeug.exceptions import UnprocessableEntity

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = __import__("os").environ["JWT_SECRET_KEY"]
JWTManager(app)  # expect: FL306(medium)


@app.errorhandler(Exception)
def shared_error_handler(e):
    if isinstance(e, RateLimitExceeded):
        # Trap: the limit's text, for the client.
        response = {"code": 429, "message": str(e)}
        return jsonify(response), 429
    elif isinstance(e, NoResultFound):
        # Trap: SQLAlchemy's fixed text.
        response = {"code": 404, "message": str(e)}
        return jsonify(response), 404
    elif isinstance(e, UnprocessableEntity):
        # Trap: this branch's own body, not the one above.
        response = {"code": 400, "message": "Validation failed"}
        return jsonify(response), 400
    else:
        response = {"code": 400, "message": str(e)}
        return jsonify(response), 400  # expect: FL402(low)


@app.get("/notes")
@jwt_required()
def notes():
    return {"notes": []}
