"""An OAuth provider's peeks at tokens (fence): what the unverified claims are read for decides
what forging them gains."""
import os
import time

import jwt
from flask import g

PUBLIC_KEY = os.environ["JWT_PUBLIC_KEY"]


class TokenError(Exception):
    pass


def validate(encoded_token):
    try:
        return jwt.decode(encoded_token, PUBLIC_KEY, algorithms=["RS256"], audience="fence", issuer="https://fence.example.org")
    except jwt.InvalidTokenError as e:
        msg = f"Invalid token: {e}"
        # The token is refused whatever these claims say: they only shape the error.
        unverified = jwt.decode(encoded_token, algorithms=["RS256"], options={"verify_signature": False})  # expect: FL102(low)
        if not unverified.get("scope"):
            msg += "; was the client configured with scopes?"
        raise TokenError(msg)


def refresh_expiry(refresh_token):
    # Only when it expires is read, to store it.
    decoded = jwt.decode(refresh_token, algorithms=["RS256"], options={"verify_signature": False})  # expect: FL102(low)
    return decoded["exp"]


def cookie_needs_renewal():
    expiration = jwt.decode(g.access_token, algorithms=["RS256"], options={"verify_signature": False}).get("exp")  # expect: FL102(low)
    return expiration is not None and expiration - time.time() < 300


# Traps: the subject is read, or the claims are handed on, or the branch goes on.
def current_user_id(token):
    claims = jwt.decode(token, algorithms=["RS256"], options={"verify_signature": False})  # expect: FL102(critical)
    return claims["exp"], claims["sub"]


def claims_for_cache(token):
    claims = jwt.decode(token, algorithms=["RS256"], options={"verify_signature": False})  # expect: FL102(critical)
    return cache_until(claims["exp"], claims)


def lenient(encoded_token):
    try:
        return jwt.decode(encoded_token, PUBLIC_KEY, algorithms=["RS256"], audience="fence", issuer="https://fence.example.org")
    except jwt.InvalidTokenError:
        # Falls back to the unverified claims: no refusal here.
        return jwt.decode(encoded_token, algorithms=["RS256"], options={"verify_signature": False})  # expect: FL102(critical)


def cache_until(when, claims):
    return when, claims
