"""pycroft's `/api/v0` shape: the member portal calls the API for any member with one configured
key, and the decorator keeps no caller. Every holder of the key acts for every user, so a user id
in the URL is the point of the API: FL201 is low, with the reason. A decorator that finds the
caller by a per-user key names a caller, and FL201 stays high there."""
import hmac
from functools import wraps

from flask import Flask, abort, current_app, g, jsonify, request

app = Flask(__name__)
app.config["PORTAL_API_KEY"] = None
USERS = {}
ACCOUNTS = {}


def portal_key_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        api_key = request.headers.get("Authorization", "").removeprefix("ApiKey ")
        if not api_key:
            abort(401)
        if current_app.config["PORTAL_API_KEY"] != api_key:
            abort(401)
        return view(*args, **kwargs)

    return wrapper


def get_registration_secret():
    return current_app.config["REGISTRATION_SECRET"]


def registration_secret_required(view):
    # pyfedi's admin API: the expected secret comes from a getter, compared in constant time.
    @wraps(view)
    def wrapper(*args, **kwargs):
        expected = get_registration_secret()
        provided = request.headers.get("X-Registration-Secret")
        if not expected or not provided or not hmac.compare_digest(expected, provided):
            abort(401)
        return view(*args, **kwargs)

    return wrapper


class Config:
    SECRET_API_TOKEN = None


def operator_token_required(view):
    # MindCanvas's API: the header must be the one operator token, behind its scheme word.
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization")
        if not token or token != f"Bearer {Config.SECRET_API_TOKEN}":
            abort(401)
        return view(*args, **kwargs)

    return wrapper


def user_key_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        api_key = request.headers.get("X-Api-Key")
        account = ACCOUNTS.get(api_key)
        if account is None:
            abort(401)
        g.user_id = account["id"]
        return view(*args, **kwargs)

    return wrapper


@app.post("/api/v0/user/<int:user_id>/change-email")
@portal_key_required
def change_email(user_id):  # expect: FL201(low)
    USERS[user_id]["email"] = request.json["email"]
    return jsonify(USERS[user_id])


@app.post("/api/v1/user/<int:user_id>/change-email")
@user_key_required
def change_email_v1(user_id):  # expect: FL201
    # Trap: this key belongs to one account, which may change only its own record.
    USERS[user_id]["email"] = request.json["email"]
    return jsonify(USERS[user_id])


@app.post("/api/v2/user/<int:user_id>/change-email")
@registration_secret_required
def change_email_v2(user_id):  # expect: FL201(low)
    USERS[user_id]["email"] = request.json["email"]
    return jsonify(USERS[user_id])


@app.delete("/api/users/<int:user_id>")
@operator_token_required
def delete_user(user_id):  # expect: FL201(low)
    USERS.pop(user_id)
    return jsonify({})
