"""ONS ras-rm-auth-service: flask-httpauth admits one configured service account
(`get_password` returns `SECURITY_USER_PASSWORD` for `SECURITY_USER_NAME`), on a blueprint's
`before_request` hook. The callers are services acting for every user: FL201 is low. An
HTTPBasicAuth object whose `get_password` looks up each user's password names a caller, and
FL201 stays high there."""
from flask import Blueprint, Flask, jsonify

from .basic_auth import USERS, auth, users_auth

app = Flask(__name__)
account = Blueprint("account", __name__)
ACCOUNTS = {}


@account.before_request
@auth.login_required
def before_account_view():
    pass


@account.route("/api/account/user/<username>", methods=["PATCH"])
def update_account(username):  # expect: FL201(low)
    ACCOUNTS[username] = {"verified": True}
    return jsonify(ok=True)


@app.route("/api/users/<username>/notes", methods=["DELETE"])
@users_auth.login_required
def delete_notes(username):  # expect: FL201(high)
    USERS.pop(username, None)
    return "", 204


app.register_blueprint(account)
