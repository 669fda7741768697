import os
from datetime import datetime

import jwt
from flask import abort, jsonify, request

from . import app
from .models import ApiToken, Invitation, PasswordReset

KEY = os.environ["JWT_SECRET"]


# --- the record's expiry bounds the token: silent ---------------------------------------------


def api_token_jwt(api_token):
    return jwt.encode({"token": api_token.token}, KEY, algorithm="HS256")


@app.get("/api/items")
def items():
    data = jwt.decode(request.headers["X-Api-Token"], KEY, algorithms=["HS256"], audience="a", issuer="i")
    record = ApiToken.query.filter_by(token=data["token"]).first()
    if record is None or record.expires_at < datetime.utcnow():
        abort(401)
    return jsonify([])


def reset_jwt(reset):
    return jwt.encode({"id": reset.id}, KEY, algorithm="HS256")


def load_reset_claims(token):
    return jwt.decode(token, KEY, algorithms=["HS256"], audience="a", issuer="i")


@app.post("/reset/<token>")
def reset_password(token):
    claims = load_reset_claims(token)
    reset = PasswordReset.query.get(claims["id"])
    if reset is None or reset.is_expired():
        abort(410)
    return "", 204


def reset_link_jwt(reset):
    payload = {"reset_id": str(reset.id)}
    return jwt.encode(payload, KEY, algorithm="HS256")


@app.get("/reset-link/<token>")
def follow_reset_link(token):
    claims = jwt.decode(token, KEY, algorithms=["HS256"], audience="a", issuer="i")
    # The query helper filters on `cls.expires > datetime.utcnow()`.
    reset = PasswordReset.live(claims.get("reset_id"))
    return jsonify(ok=reset is not None)


# --- no expiry anywhere: reported ---------------------------------------------------------------


def invitation_jwt(invitation):
    return jwt.encode({"invitation": invitation.id}, KEY, algorithm="HS256")  # expect: FL106


@app.get("/invite/<token>")
def accept_invite(token):
    claims = jwt.decode(token, KEY, algorithms=["HS256"], audience="a", issuer="i")
    invitation = Invitation.query.get(claims["invitation"])
    return jsonify(email=invitation.email)


def user_jwt(user):
    # A user id: users do not expire, and nothing compares one with the time.
    return jwt.encode({"user_id": user.id}, KEY, algorithm="HS256")  # expect: FL106
