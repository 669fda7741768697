"""cve-search's admin API on Flask-JWT-Extended 4: `@jwt_required` without parentheses passes
the view as `optional` and Flask serves the inner decorator: no token is checked and the handler
never runs. Reported, with a fix that adds `()`. The calls below are right."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)
NOTES = {}
USERS = {"ada": os.environ.get("ADA_PASSWORD_HASH")}


@app.post("/login")
def login():
    if request.json.get("password_hash") != USERS.get(request.json.get("user")):
        return jsonify(error="invalid credentials"), 401
    return jsonify(token=create_access_token(identity=request.json["user"]))


@app.delete("/notes/<int:note_id>")
@jwt_required  # expect: FL205(high)
def delete_note(note_id):
    if NOTES.get(note_id, {}).get("owner") != get_jwt_identity():
        return "", 403
    NOTES.pop(note_id, None)
    return "", 204


@app.get("/notes")
@jwt_required()
def list_notes():
    return jsonify([n for n in NOTES.values() if n["owner"] == get_jwt_identity()])


@app.get("/feed")
@jwt_required(optional=True)
def feed():
    return jsonify(list(NOTES))
