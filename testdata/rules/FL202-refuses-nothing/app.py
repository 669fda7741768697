"""Code that looks at credentials but refuses nobody is not authentication: a hook that only
logs and stores the `Authorization` header, and a decorator built on
`verify_jwt_in_request(optional=True)`."""
import logging
import os
from functools import wraps

from flask import Blueprint, Flask, g, request
from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required, verify_jwt_in_request

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)  # expect: FL306
log = logging.getLogger(__name__)
NOTES = {}


notes = Blueprint("notes", __name__)


@notes.before_request
def remember_caller():
    header = request.headers.get("Authorization")
    g.raw_authorization = header
    log.info("request with authorization %s", header)  # expect: FL403


def with_optional_user(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request(optional=True)
        g.viewer = get_jwt_identity()
        return view(*args, **kwargs)

    return wrapper


@app.get("/me/notes")
@jwt_required()
def my_notes():
    return {"notes": NOTES.get(get_jwt_identity(), [])}


# The hook is not authentication, so this is not "authenticated by the hook" (FL201); whether
# it is missing authentication is not asserted while a hook covers it.
@notes.delete("/notes/<note_id>")
def delete_note(note_id):  # todo: FL202
    NOTES.pop(note_id, None)
    return "", 204


# `optional=True` lets anonymous callers in: the route has no authentication.
@app.put("/notes/<note_id>")
@with_optional_user
def update_note(note_id):  # expect: FL202
    NOTES[note_id] = request.json
    return "", 204


app.register_blueprint(notes)
