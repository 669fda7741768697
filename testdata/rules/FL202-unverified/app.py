"""A decorator or hook that decodes the token without verifying its signature authenticates
nobody: anyone can write a token it accepts, so the routes behind it are open."""
import os
from functools import wraps

import jwt
from flask import Blueprint, Flask, abort, g, request
from flask_login import current_user

app = Flask(__name__)
KEY = os.environ["JWT_SECRET"]
REPORTS = {}


def bearer():
    return request.headers.get("Authorization", "").removeprefix("Bearer ")


def read_claims(token):
    return jwt.decode(token, options={"verify_signature": False})  # expect: FL102


def token_required(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        token = bearer()
        if not token:
            abort(401)
        g.claims = read_claims(token)
        return f(*args, **kwargs)

    return wrapper


def verified_required(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        g.claims = jwt.decode(bearer(), KEY, algorithms=["HS256"], audience="api", issuer="us")
        return f(*args, **kwargs)

    return wrapper


def issuer_of(token):
    """Chooses the key by the token's issuer, then has the token verified."""
    claims = jwt.decode(token, options={"verify_signature": False})
    return verify_with_issuer_key(token, claims["iss"])


def verify_with_issuer_key(token, issuer):
    return jwt.decode(token, KEY, algorithms=["HS256"], audience="api", issuer=issuer)


def issuer_required(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        g.claims = issuer_of(bearer())
        return f(*args, **kwargs)

    return wrapper


def session_and_claims(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            abort(401)
        g.claims = read_claims(bearer())
        return f(*args, **kwargs)

    return wrapper


@app.delete("/reports/<int:report_id>")
@token_required
def delete_report(report_id):  # expect: FL202
    REPORTS.pop(report_id, None)
    return "", 204


@app.put("/reports/<int:report_id>")
@token_required
def update_report(report_id):  # expect: FL202
    REPORTS[report_id] = request.json
    return "", 204


admin = Blueprint("admin", __name__)


@admin.before_request
def load_claims():
    g.claims = read_claims(bearer())


@admin.post("/admin/flags")
def set_flag():  # expect: FL202, FL204
    REPORTS["flag"] = request.json
    return "", 201


app.register_blueprint(admin)


# --- traps ----------------------------------------------------------------------------------


# Reads nothing that belongs to anyone and changes nothing.
@app.get("/reports")
@token_required
def list_reports():
    return {"count": len(REPORTS)}


@app.delete("/drafts")
@verified_required
def delete_drafts():
    REPORTS.clear()
    return "", 204


# The unverified read only picks the issuer's key; the token is then verified.
@app.delete("/imports")
@issuer_required
def delete_imports():
    REPORTS.clear()
    return "", 204


# A login session refuses anonymous callers; the claims are extra.
@app.delete("/notes")
@session_and_claims
def delete_notes():
    REPORTS.clear()
    return "", 204
