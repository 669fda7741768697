"""FL203 follows unverified claims out of the helpers that return them, across modules: the
decision is made where the claims arrive, not where they were decoded."""
import jwt
from flask import Flask, abort, request
from flask_jwt_extended import jwt_required

from tokens import (
    bearer,
    caller_claims,
    log_claims,
    token_issuer,
    token_role,
    verified_claims,
    verify_for,
)

app = Flask(__name__)


def quick_claims(token):
    return jwt.decode(token, options={"verify_signature": False})  # expect: FL102


@app.post("/admin/reset")
def reset():
    claims = quick_claims(bearer())
    if claims.get("admin"):  # expect: FL203
        return "done"
    abort(403)


# Two helpers deep, in another module.
@app.post("/admin/purge")
def purge():
    if caller_claims()["role"] != "admin":  # expect: FL203
        abort(403)
    return "done"


# A helper that returns one claim.
@app.delete("/reports/<int:report_id>")
def delete_report(report_id):
    if token_role() != "admin":  # expect: FL203
        abort(403)
    return "", 204


# --- traps ----------------------------------------------------------------------------------


# The helper verifies what it returns.
@app.post("/admin/rotate")
def rotate():
    if verified_claims()["role"] != "admin":
        abort(403)
    return "done"


# The unverified issuer only chooses the key; the same token is then verified with it.
@app.post("/federated")
def federated():
    token = bearer()
    issuer = token_issuer(token)
    if issuer not in ("https://id.example.com",):
        abort(401)
    claims = verify_for(token, issuer)
    if claims["role"] != "admin":
        abort(403)
    return "ok"


# The helper reads the claims for a log line and returns no claim.
@app.post("/audit")
def audit():
    if not log_claims(bearer()):
        abort(400)
    return "ok"


# The route's decorator verified the very token the helper reads.
@app.post("/exports")
@jwt_required()
def export():
    if token_role() != "exporter":
        abort(403)
    return "", 202
