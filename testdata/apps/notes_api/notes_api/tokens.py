"""Issuing tokens: login, share links, password resets, CLI keys."""
from datetime import datetime, timezone

import jwt
from flask import Blueprint, current_app, g, jsonify, request

from . import models
from .auth import bearer_token, require_auth
from .config import (
    ACCESS_TOKEN_LIFETIME,
    JWT_ALGORITHM,
    JWT_ALGORITHMS,
    JWT_AUDIENCE,
    JWT_ISSUER,
    REFRESH_DECODE_OPTIONS,
    SHARE_LINK_LIFETIME,
)

bp = Blueprint("tokens", __name__)


def with_expiry(claims, lifetime=ACCESS_TOKEN_LIFETIME):
    """A copy of `claims` with `iat` and `exp` set."""
    now = datetime.now(tz=timezone.utc)
    return {**claims, "iat": now, "exp": now + lifetime}


def stamp_expiry(claims, lifetime=ACCESS_TOKEN_LIFETIME):
    """Sets `iat` and `exp` on `claims` in place."""
    now = datetime.now(tz=timezone.utc)
    claims["iat"] = now
    claims["exp"] = now + lifetime


def issue_access_token(user):
    claims = with_expiry(
        {
            "sub": str(user["id"]),
            "iss": JWT_ISSUER,
            "aud": JWT_AUDIENCE,
            "admin": user["is_admin"],
            "scope": "notes:read notes:write notes:share",
        }
    )
    token = jwt.encode(claims, current_app.config["SECRET_KEY"], algorithm=JWT_ALGORITHM)
    # PyJWT 1.x returned bytes.
    if isinstance(token, bytes):
        token = token.decode("utf-8")
    return token


def issue_share_token(user_id, note_id):
    payload = {"sub": str(user_id), "note": note_id}
    stamp_expiry(payload, SHARE_LINK_LIFETIME)
    # stamp_expiry() set `exp` in place: this token does expire.
    return jwt.encode(payload, current_app.config["SECRET_KEY"], algorithm=JWT_ALGORITHM)


def issue_password_reset_token(user):
    # E-mailed to the user, "who will click it right away".
    return jwt.encode(
        {"sub": str(user["id"]), "purpose": "password-reset"},  # expect: FL106
        current_app.config["SECRET_KEY"],
        algorithm=JWT_ALGORITHM,
    )


def _device_claims(device_id, user_id):
    return {"sub": str(user_id), "device": device_id, "iss": JWT_ISSUER, "aud": JWT_AUDIENCE}


def issue_device_token(device_id, user_id):
    # Built by a helper that never sets `exp`: this token never expires either.
    return jwt.encode(_device_claims(device_id, user_id), current_app.config["SECRET_KEY"], algorithm=JWT_ALGORITHM)  # todo: FL106


@bp.route("/login", methods=["POST"])
def login():
    data = request.get_json(silent=True) or {}
    user = models.find_user(data.get("username", ""))
    if user is None or not models.check_password(user, data.get("password", "")):
        return jsonify(error="invalid username or password"), 401
    return jsonify(access_token=issue_access_token(user), token_type="Bearer")


@bp.route("/api-key", methods=["POST"])
@require_auth
def api_key():
    # A long-lived key for the command-line client.
    payload = {"sub": str(g.user_id), "scope": "notes:read", "iss": JWT_ISSUER, "aud": JWT_AUDIENCE}
    current_app.logger.info("issuing API key %s", payload)
    key = jwt.encode(payload, current_app.config["SECRET_KEY"], algorithm=JWT_ALGORITHM)  # expect: FL106
    return jsonify(api_key=key), 201


@bp.route("/refresh", methods=["POST"])
def refresh():
    # Trades an access token, expired or not, for a fresh one.
    claims = jwt.decode(
        bearer_token(),
        current_app.config["SECRET_KEY"],
        algorithms=JWT_ALGORITHMS,
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options=REFRESH_DECODE_OPTIONS,  # expect: FL106
    )
    user = models.get_user(int(claims["sub"]))
    if user is None:
        return jsonify(error="unknown user"), 401
    return jsonify(access_token=issue_access_token(user), token_type="Bearer")


@bp.route("/password-reset", methods=["POST"])
def request_password_reset():
    data = request.get_json(silent=True) or {}
    user = models.find_user(data.get("username", ""))
    if user is not None:
        current_app.logger.info("reset link: /auth/password-reset/%s", issue_password_reset_token(user))  # expect: FL403
    return jsonify(message="if the account exists, a reset link was sent"), 202


@bp.route("/devices", methods=["POST"])
@require_auth
def register_device():
    data = request.get_json(silent=True) or {}
    return jsonify(device_token=issue_device_token(data.get("device_id"), g.user_id)), 201
