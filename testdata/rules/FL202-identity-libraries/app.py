"""Login decorators of identity libraries, on the objects the app constructs: Microsoft's
`identity.flask.Auth` (ms-identity-python-webapp) and flask-oidc (Okta's samples). They
authenticate, so the open DELETE beside them stands out."""
from flask import Flask, g, jsonify
from flask_oidc import OpenIDConnect
from identity.flask import Auth

app = Flask(__name__)
auth = Auth(app, authority="https://login.microsoftonline.com/common", client_id="app")
oidc = OpenIDConnect(app)
NOTES = {}


@app.get("/")
@auth.login_required
def index(*, context):
    return jsonify(user=context["user"]["name"])


@app.get("/profile")
@oidc.require_login
def profile():
    return jsonify(g.oidc_user.profile)


@app.get("/api/messages")
@oidc.accept_token(True)
def messages():
    return jsonify(NOTES)


@app.delete("/api/messages/<message_id>")
def delete_message(message_id):  # expect: FL202
    NOTES.pop(message_id, None)
    return "", 204
