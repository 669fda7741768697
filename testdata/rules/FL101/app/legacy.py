"""PyJWT 1.x call forms still found in older Flask apps."""
import jwt
from flask import current_app

from .config import JWT_AUDIENCE, JWT_ISSUER


def verify_v1(token):
    # 1.x signature: decode(jwt, key, verify, algorithms, options); verify on, no allow-list.
    return jwt.decode(token, current_app.config["SECRET_KEY"], True, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def verify_v1_keyword(token):
    return jwt.decode(token, current_app.config["SECRET_KEY"], verify=True, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def verify_v1_positional_none(token):
    return jwt.decode(token, current_app.config["SECRET_KEY"], None, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def verify_v1_pinned(token):
    # 1.x with the allow-list in fourth position: fine.
    return jwt.decode(token, current_app.config["SECRET_KEY"], True, ["HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def token_bytes_to_text(token):
    # PyJWT 1.x encode returned bytes.
    if isinstance(token, bytes):
        return token.decode("utf-8")
    return token
