"""Downstream calls signed with authlib."""
from authlib.jose import JsonWebToken

# One instance for both the partner's RSA tokens and the internal HMAC ones.
mixed = JsonWebToken(["HS256", "RS256"])  # todo: FL104
sso_only = JsonWebToken(["RS256", "ES256"])


def partner_claims(token, key, audience, issuer):
    claims = mixed.decode(
        token,
        key,
        claims_options={"iss": {"essential": True, "value": issuer}, "aud": {"essential": True, "value": audience}},
    )
    claims.validate()
    return claims


def sso_claims(token, key, audience, issuer):
    claims = sso_only.decode(
        token,
        key,
        claims_options={"iss": {"essential": True, "value": issuer}, "aud": {"essential": True, "value": audience}},
    )
    claims.validate()
    return claims
