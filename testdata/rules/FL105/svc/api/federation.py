"""Tokens from the federation partner, verified with authlib."""
from authlib.jose import JsonWebToken
from authlib.jose import jwt as authlib_jwt
from flask import current_app

from ..config import AUTHLIB_CLAIMS, AUTHLIB_ISSUER_ONLY, JWT_AUDIENCE, JWT_ISSUER

rs256 = JsonWebToken(["RS256"])


def partner_key():
    return current_app.config["PARTNER_PUBLIC_KEY"]


# --- hits -------------------------------------------------------------------------------------


def federation_claims(token):
    claims = authlib_jwt.decode(token, partner_key())  # expect: FL105
    claims.validate()
    return claims


def federation_claims_issuer_only(token):
    claims = rs256.decode(token, partner_key(), claims_options={"iss": {"essential": True, "value": JWT_ISSUER}})  # expect: FL105
    claims.validate()
    return claims


def federation_claims_constant_issuer_only(token):
    claims = rs256.decode(token, partner_key(), claims_options=AUTHLIB_ISSUER_ONLY)  # expect: FL105
    claims.validate()
    return claims


def federation_claims_presence_only(token):
    # "essential" with no "value": any audience at all is accepted.
    claims = rs256.decode(
        token,
        partner_key(),
        claims_options={
            "iss": {"essential": True, "value": JWT_ISSUER},
            "aud": {"essential": True},  # todo: FL105
        },
    )
    claims.validate()
    return claims


# --- traps ------------------------------------------------------------------------------------


def federation_claims_checked(token):
    claims = rs256.decode(token, partner_key(), claims_options=AUTHLIB_CLAIMS)
    claims.validate()
    return claims


def federation_claims_inline(token):
    claims = authlib_jwt.decode(
        token,
        partner_key(),
        claims_options={
            "iss": {"essential": True, "value": JWT_ISSUER},
            "aud": {"essential": True, "values": [JWT_AUDIENCE]},
        },
    )
    claims.validate()
    return claims


def federation_claims_positional(token):
    # authlib: decode(s, key, claims_cls, claims_options).
    claims = rs256.decode(token, partner_key(), None, AUTHLIB_CLAIMS)
    claims.validate()
    return claims
