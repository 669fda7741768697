"""Trap: the same hook, but no route lists the collection: whether one caller's note is another's
business cannot be told from the code, and reading one by id stays reported."""
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
NOTES = {}
PASSWORDS = {}


@app.before_request
def check_auth():
    auth = request.authorization
    if auth and PASSWORDS.get(auth.username) == auth.password:
        return None
    return app.response_class("Password-protected.", 401, {"WWW-Authenticate": "Basic"})


@app.get("/notes/<int:note_id>")
def get_note(note_id):  # expect: FL201(high)
    note = NOTES.get(note_id) or abort(404)
    return jsonify(note)
