from flask import current_app
from jose import jwt as jose_jwt

import jwt

from .. import config
from ..config import (
    DEPLOY_AUDIENCE,
    JWT_ALGORITHMS,
    JWT_AUDIENCE,
    JWT_ISSUER,
    NO_AUDIENCE_CHECK,
    PARTNER_AUDIENCE,
    REQUIRED_CLAIMS,
)

try:
    from jose import jwt as any_jwt
except ImportError:  # fall back to PyJWT
    import jwt as any_jwt


def public_key():
    return current_app.config["JWT_PUBLIC_KEY"]


# --- hits -------------------------------------------------------------------------------------


def claims_unscoped(token):
    return jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS)  # expect: FL105(medium)


def claims_audience_only(token):
    return jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS, audience=JWT_AUDIENCE)  # expect: FL105(low)


def claims_issuer_only(token):
    return jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS, issuer=JWT_ISSUER)  # expect: FL105


def claims_audience_none(token):
    return jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS, audience=None, issuer=JWT_ISSUER)  # expect: FL105


def claims_partner(token):
    # PARTNER_AUDIENCE is None in config.py.
    return jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS, audience=PARTNER_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL105


def claims_verify_aud_off(token):
    return jwt.decode(
        token,
        public_key(),
        algorithms=JWT_ALGORITHMS,
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options={"verify_aud": False},  # expect: FL105
    )


def claims_verify_iss_off(token):
    return jwt.decode(
        token,
        public_key(),
        algorithms=JWT_ALGORITHMS,
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options={
            "require": ["exp"],
            "verify_iss": False,  # expect: FL105
        },
    )


def claims_options_constant(token):
    return jwt.decode(
        token,
        public_key(),
        algorithms=JWT_ALGORITHMS,
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options=NO_AUDIENCE_CHECK,  # expect: FL105
    )


def claims_missing_and_off(token):
    # No issuer= and verify_aud off: one decode, one finding, at the option, naming both.
    return jwt.PyJWT().decode_complete(
        token,
        public_key(),
        algorithms=JWT_ALGORITHMS,
        audience=JWT_AUDIENCE,
        options={"verify_aud": False},  # expect: FL105
    )


def claims_jose(token):
    return jose_jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS)  # expect: FL105(medium)


def claims_jose_positional_audience(token):
    # python-jose: decode(token, key, algorithms, options, audience, issuer); no issuer here.
    return jose_jwt.decode(token, public_key(), JWT_ALGORITHMS, None, JWT_AUDIENCE)  # expect: FL105


def claims_jose_verify_aud_off(token):
    return jose_jwt.decode(
        token,
        public_key(),
        algorithms=JWT_ALGORITHMS,
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options=dict(verify_aud=False),  # expect: FL105
    )


def claims_either_library(token):
    # `any_jwt` is python-jose or PyJWT depending on what is installed: a decode either way.
    return any_jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS)  # todo: FL105


# --- traps ------------------------------------------------------------------------------------


def claims_from_app_config(token):
    return jwt.decode(
        token,
        public_key(),
        algorithms=JWT_ALGORITHMS,
        audience=current_app.config["JWT_AUDIENCE"],
        issuer=current_app.config["JWT_ISSUER"],
    )


def claims_from_module(token):
    return jwt.decode(token, public_key(), algorithms=config.JWT_ALGORITHMS, audience=config.JWT_AUDIENCE, issuer=config.JWT_ISSUER)


def claims_from_environment(token):
    # DEPLOY_AUDIENCE comes from the environment: unknown, not missing.
    return jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS, audience=DEPLOY_AUDIENCE, issuer=JWT_ISSUER)


def claims_for(token, audience, issuer):
    return jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS, audience=audience, issuer=issuer)


def claims_local_variables(token):
    expected_audience = [JWT_AUDIENCE, "payments-admin"]
    expected_issuer = JWT_ISSUER
    return jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS, audience=expected_audience, issuer=expected_issuer)


def claims_required(token):
    return jwt.decode(
        token,
        public_key(),
        algorithms=JWT_ALGORITHMS,
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options={**REQUIRED_CLAIMS, "verify_aud": True},
    )


def claims_jose_positional(token):
    return jose_jwt.decode(token, public_key(), JWT_ALGORITHMS, None, JWT_AUDIENCE, JWT_ISSUER)


def claims_passthrough(token, **kwargs):
    # audience= and issuer= arrive through **kwargs.
    return jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS, **kwargs)


def claims_unverified(token):
    # Signature off: reported once, as FL102, not again for audience and issuer.
    return jwt.decode(token, options={"verify_signature": False, "verify_aud": False})  # expect: FL102


def claims_issuer_checked_by_hand(token, expected_audience, expected_issuer):
    # The issuer compared after decoding (Redash's IAP check): checked, not missing.
    payload = jwt.decode(token, public_key(), audience=expected_audience, algorithms=JWT_ALGORITHMS)
    issuer = payload["iss"]
    if issuer != expected_issuer:
        raise ValueError("wrong issuer")
    return payload


def claims_both_checked_by_hand(token):
    claims = jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS)
    if claims.get("aud") != JWT_AUDIENCE or claims["iss"] not in (JWT_ISSUER,):
        raise ValueError("not for us")
    return claims


# A hit after the traps, kept last so the lines above stay put: reading the issuer is not
# checking it.
def claims_issuer_only_logged(token):
    claims = jwt.decode(token, public_key(), algorithms=JWT_ALGORITHMS, audience=JWT_AUDIENCE)  # expect: FL105(low)
    current_app.logger.info("token from %s", claims["iss"])
    return claims


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = ["claims_jose", "claims_unscoped"]
