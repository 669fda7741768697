"""Bearer-token authentication for the notes API.

`require_auth` is the decorator from the original tutorial; `require_scope` is the newer one
that goes through `decode_access_token`. Both read `Authorization: Bearer <token>`.
"""
from functools import wraps

import jwt
from flask import abort, current_app, g, jsonify, request

from .config import (
    JWT_ALGORITHMS,
    JWT_AUDIENCE,
    JWT_ISSUER,
    PARTNER_ALGORITHMS,
    PARTNER_PUBLIC_KEY,
    STRICT_DECODE_OPTIONS,
)


def bearer_token():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        abort(401, description="missing bearer token")
    return token


def decode_access_token(token):
    """Pinned algorithm, audience, issuer and required claims."""
    return jwt.decode(
        token,
        current_app.config["SECRET_KEY"],
        algorithms=JWT_ALGORITHMS,
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options=STRICT_DECODE_OPTIONS,
    )


def require_auth(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        token = None
        if "Authorization" in request.headers:
            token = request.headers["Authorization"].split(" ")[1]
        if not token:
            return jsonify({"message": "Token is missing!"}), 401
        try:
            data = jwt.decode(token, current_app.config["SECRET_KEY"])  # expect: FL101, FL105
        except Exception:
            return jsonify({"message": "Token is invalid!"}), 401
        g.user_id = int(data["sub"])
        g.is_admin = bool(data.get("admin"))
        return f(*args, **kwargs)

    return decorated


def require_scope(scope):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            try:
                claims = decode_access_token(bearer_token())
            except jwt.InvalidTokenError as error:
                return jsonify(error=str(error)), 401  # expect: FL401
            if scope not in claims.get("scope", "").split():
                abort(403)
            g.user_id = int(claims["sub"])
            g.is_admin = bool(claims.get("admin"))
            return view(*args, **kwargs)

        return wrapper

    return decorator


def decode_partner_token(token):
    """Reports pushed by the partner (RS256) and by the old mobile app (our HS256 secret)."""
    return jwt.decode(
        token,
        PARTNER_PUBLIC_KEY or current_app.config["SECRET_KEY"],
        algorithms=PARTNER_ALGORITHMS,  # expect: FL104
        audience=JWT_AUDIENCE,
        issuer="https://reports.partner.example",
    )


def decode_mobile_token(token):
    # "Support whatever the app signs with."
    header = jwt.get_unverified_header(token)
    return jwt.decode(
        token,
        current_app.config["SECRET_KEY"],
        algorithms=[header["alg"]],  # expect: FL101
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def check_webhook_token(token):
    """Raises when the billing webhook's token is malformed; its claims are not used."""
    options = {"verify_signature": False, "require": ["iat"]}
    jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=JWT_ALGORITHMS, options=options)  # expect: FL102
