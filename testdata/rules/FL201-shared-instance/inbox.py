"""MailDump's shape: one password-protected instance. The `before_request` hook checks an
htpasswd file and keeps no user; no route can tell callers apart, and `GET /messages/` lists
every message to every caller. The messages are the instance's, not a user's: reading or
deleting one by id reaches nothing another caller could not."""
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
MESSAGES = {}
PASSWORDS = {}


@app.before_request
def check_auth():
    auth = request.authorization
    if auth and PASSWORDS.get(auth.username) == auth.password:
        return None
    return app.response_class("Password-protected.", 401, {"WWW-Authenticate": "Basic"})


@app.get("/messages/")
def get_messages():
    return jsonify(list(MESSAGES.values()))


@app.get("/messages/<int:message_id>.json")
def get_message_info(message_id):
    message = MESSAGES.get(message_id) or abort(404)
    return jsonify(message)


@app.delete("/messages/<int:message_id>")
def delete_message(message_id):
    MESSAGES.pop(message_id, None)
    return "", 204
