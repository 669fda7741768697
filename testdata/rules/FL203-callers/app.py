"""FL203 follows a helper's callers: claims read unverified from a token that every caller has
already verified decide nothing the verification did not."""
import os
from functools import wraps

import jwt
from flask import Flask, abort, g, request
from flask_jwt_extended import jwt_required
from jose import jwt as jose_jwt

app = Flask(__name__)
KEY = os.environ["JWT_SECRET"]


def bearer():
    return request.headers.get("Authorization", "").removeprefix("Bearer ")


def require_auth(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        g.claims = jwt.decode(bearer(), KEY, algorithms=["HS256"], audience="a", issuer="i")
        return f(*args, **kwargs)

    return wrapper


def require_owner(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        token = request.headers["Authorization"].split(" ")[1]
        jwt.decode(token, KEY, algorithms=["HS256"], audience="a", issuer="i")
        if not owns(token, kwargs.get("owner")):
            abort(403)
        return f(*args, **kwargs)

    return wrapper


# --- every caller runs with the token verified: silent -----------------------------------------


def has_role(role):
    claims = jose_jwt.get_unverified_claims(bearer())
    if role not in claims.get("roles", []):
        abort(403)


def owns(token, owner):
    claims = jose_jwt.get_unverified_claims(token)
    if claims["sub"] != owner:
        return False
    return True


@app.delete("/reports/<int:report_id>")
@require_auth
def delete_report(report_id):
    has_role("admin")
    return "", 204


@app.post("/exports")
@jwt_required()
def export():
    has_role("exporter")
    return "", 202


@app.get("/owners/<owner>/files")
@require_owner
def owner_files(owner):
    return []


# --- some caller does not: reported --------------------------------------------------------------


def is_billing_admin():
    claims = jose_jwt.get_unverified_claims(bearer())
    if "billing" not in claims["groups"]:  # expect: FL203
        return False
    return True


@app.get("/billing")
@require_auth
def billing():
    return {"admin": is_billing_admin()}


@app.get("/billing/public")
def billing_public():
    return {"admin": is_billing_admin()}


def check_scope(token):
    claims = jose_jwt.get_unverified_claims(token)
    if claims["scope"] != "write":  # expect: FL203
        abort(403)


@app.post("/upload")
@require_auth
def upload():
    # The token handed over comes from the request body, not the header the decorator verified.
    check_scope(request.json["token"])
    return "", 201


def tenant_guard(tenant):
    claims = jose_jwt.get_unverified_claims(bearer())
    if claims["tenant"] != tenant:  # expect: FL203
        abort(403)


# Used as a value: its callers cannot be known.
GUARDS = [tenant_guard]
