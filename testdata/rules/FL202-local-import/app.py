"""A helper that imports its verifier inside its body and hands back a 401 response instead of
raising (rhokawi2): the decorator that returns that response authenticates its routes."""
import os
from functools import wraps

from flask import Flask, jsonify

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
MESSAGES = {}


def validate_jwt_and_get_user():
    try:
        from flask_jwt_extended import get_jwt_identity, verify_jwt_in_request

        verify_jwt_in_request()
        return get_jwt_identity(), None
    except Exception:
        return None, (jsonify(error="Unauthorized"), 401)


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        user, error_response = validate_jwt_and_get_user()
        if error_response:
            return error_response
        return view(*args, **kwargs)

    return wrapper


@app.delete("/messages/<int:message_id>")
@admin_required
def delete_message(message_id):
    MESSAGES.pop(message_id, None)
    return "", 204


@app.post("/messages/<int:message_id>/archive")
def archive_message(message_id):  # expect: FL202
    MESSAGES[message_id]["archived"] = True
    return "", 204
