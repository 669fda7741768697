import base64
import json

import jwt
from flask import Flask, abort, request
from jose import jwt as jose_jwt

app = Flask(__name__)


def bearer():
    return request.headers.get("Authorization", "")[7:]


def unverified_claims():
    return jose_jwt.get_unverified_claims(bearer())


@app.route("/reports/<int:report_id>", methods=["DELETE"])
def delete_report(report_id):
    claims = jose_jwt.get_unverified_claims(bearer())
    if "ops" not in claims["groups"]:  # expect: FL203
        abort(403)
    return "", 204


@app.route("/billing")
def billing():
    payload = json.loads(base64.urlsafe_b64decode(bearer().split(".")[1] + "=="))
    if payload["scope"] != "billing:read":  # expect: FL203
        abort(403)
    return "ok"


@app.route("/tenants/<tenant>")
def tenant_home(tenant):
    claims = jwt.decode(bearer(), options={"verify_signature": False})  # expect: FL102
    tenant_claim = claims.get("tenant")
    if tenant_claim != tenant:  # expect: FL203
        abort(403)
    return "ok"


# --- traps ----------------------------------------------------------------------------------


@app.route("/dashboard")
def dashboard():
    claims = jwt.decode(bearer(), "k", algorithms=["HS256"], audience="a", issuer="i")  # expect: FL302
    if claims.get("role") != "admin":
        abort(403)
    return "ok"


@app.route("/kid")
def key_choice():
    header = jwt.get_unverified_header(bearer())
    if header.get("kid") not in ("k1", "k2"):
        abort(401)
    return "ok"


@app.route("/debug/token")
def show_token():
    claims = jose_jwt.get_unverified_claims(bearer())
    if not claims:
        abort(400)
    return claims
