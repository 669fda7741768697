"""Single sign-on bridge: python-jose for the IdP, authlib for downstream services."""
from datetime import datetime, timedelta, timezone

from authlib.jose import JsonWebToken
from authlib.jose import jwt as authlib_jwt
from flask import current_app
from jose import jwt as jose_jwt

from .config import JWT_AUDIENCE, JWT_ISSUER

UNSIGNED_HEADER = {"alg": "none", "typ": "JWT"}

# "none" is allowed on this instance so the unsigned health-check tokens pass: every decode
# through `downstream` then accepts unsigned tokens too.
downstream = JsonWebToken(["RS256", "none"])  # todo: FL103


def _expiry():
    return datetime.now(tz=timezone.utc) + timedelta(minutes=5)


# --- hits ---------------------------------------------------------------------------------------


def idp_claims(token):
    return jose_jwt.decode(token, current_app.config["IDP_KEY"], algorithms=["RS256", "none"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL103


def mint_jose_unsigned(user_id):
    return jose_jwt.encode({"sub": user_id, "exp": _expiry()}, "", algorithm="none")  # expect: FL103


def mint_authlib_unsigned(user_id):
    return authlib_jwt.encode({"alg": "none"}, {"sub": user_id, "exp": _expiry()}, "")  # expect: FL103


def mint_authlib_unsigned_header(user_id):
    return downstream.encode(UNSIGNED_HEADER, {"sub": user_id, "exp": _expiry()}, "")  # expect: FL103


# --- traps --------------------------------------------------------------------------------------


def mint_authlib_signed(user_id):
    header = {"alg": "RS256", "kid": current_app.config["SIGNING_KID"]}
    return downstream.encode(header, {"sub": user_id, "exp": _expiry()}, current_app.config["PRIVATE_KEY"])


def mint_jose_signed(user_id):
    return jose_jwt.encode({"sub": user_id, "exp": _expiry()}, current_app.config["PRIVATE_KEY"], algorithm="RS256")


def idp_claims_pinned(token):
    return jose_jwt.decode(token, current_app.config["IDP_KEY"], algorithms=["RS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)
