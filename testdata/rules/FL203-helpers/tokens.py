"""Helpers that hand back a token's claims: some never verify them."""
import os

import jwt
from flask import request
from jose import jwt as jose_jwt

KEY = os.environ["JWT_SECRET"]
TRUSTED_ISSUERS = {"https://id.example.com": os.environ["ID_KEY"]}


def bearer():
    return request.headers.get("Authorization", "").removeprefix("Bearer ")


def peek(token):
    claims = jose_jwt.get_unverified_claims(token)
    return claims


def caller_claims():
    return peek(bearer())


def token_role():
    return jose_jwt.get_unverified_claims(bearer())["role"]


def verified_claims():
    return jwt.decode(bearer(), KEY, algorithms=["HS256"], audience="api", issuer="us")


def token_issuer(token):
    return jose_jwt.get_unverified_claims(token).get("iss")


def verify_for(token, issuer):
    return jwt.decode(
        token, TRUSTED_ISSUERS[issuer], algorithms=["HS256"], audience="api", issuer=issuer
    )


def log_claims(token):
    claims = jose_jwt.get_unverified_claims(token)
    print("caller", claims.get("sub"))
    return True
