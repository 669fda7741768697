import jwt
from flask import Blueprint, current_app, g, jsonify, request
from jose import jwt as jose_jwt
from jose.constants import ALGORITHMS

from . import LEGACY_ALGORITHMS, settings
from . import settings as cfg
from .settings import (
    ACCEPTED_ALGORITHMS,
    ALGORITHMS_BY_ISSUER,
    HMAC_ALGORITHMS,
    JWT_AUDIENCE,
    JWT_ISSUER,
    LEGACY_AND_SSO,
    RSA_ALGORITHMS,
    SERVICE_ALGORITHMS,
    SERVICE_SECRET,
    SSO_ALGORITHMS,
    SSO_PUBLIC_KEY,
)

bp = Blueprint("auth", __name__)

jwks_client = jwt.PyJWKClient("https://sso.example.com/.well-known/jwks.json")


def bearer():
    return request.headers["Authorization"].split(" ")[1]


# --- hits -------------------------------------------------------------------------------------


@bp.before_request
def load_user():
    g.claims = jwt.decode(
        bearer(),
        SSO_PUBLIC_KEY,
        algorithms=["HS256", "RS256"],  # expect: FL104
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def claims_imported_list(token):
    return jwt.decode(token, SSO_PUBLIC_KEY, algorithms=ACCEPTED_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL104


def claims_module_list(token):
    return jwt.decode(token, SSO_PUBLIC_KEY, algorithms=settings.ACCEPTED_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL104


def claims_reexported(token):
    return jwt.decode(token, SSO_PUBLIC_KEY, algorithms=LEGACY_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL104


def claims_aliased_module(token):
    return jwt.decode(token, SSO_PUBLIC_KEY, algorithms=cfg.LEGACY_AND_SSO, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL104


def claims_list_of_constants(token):
    return jwt.decode(token, SSO_PUBLIC_KEY, algorithms=LEGACY_AND_SSO, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL104


def claims_local_tuple(token):
    allowed = ("ES256", "HS512")
    return jwt.decode(token, SSO_PUBLIC_KEY, algorithms=allowed, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL104


def claims_set(token):
    return jwt.decode_complete(token, SSO_PUBLIC_KEY, algorithms={"HS256", "PS256"}, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL104


def claims_multiline(token):
    return jwt.decode(
        token,
        SSO_PUBLIC_KEY,
        algorithms=[  # expect: FL104
            "RS256",
            "HS256",
        ],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def claims_positional_v2(token):
    return jwt.decode(token, SSO_PUBLIC_KEY, ["RS256", "HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL104


def claims_positional_v1(token):
    # PyJWT 1.x: decode(jwt, key, verify, algorithms).
    return jwt.decode(token, SSO_PUBLIC_KEY, True, ["HS256", "RS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL104


def claims_with_none_too(token):
    return jwt.decode(token, SSO_PUBLIC_KEY, algorithms=["none", "HS256", "RS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL103, FL104


def claims_jose(token):
    return jose_jwt.decode(token, SSO_PUBLIC_KEY, algorithms=["RS256", "HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL104


def claims_jose_constants(token):
    # python-jose's own constants: ALGORITHMS.RS256 == "RS256", ALGORITHMS.HS256 == "HS256".
    return jose_jwt.decode(
        token,
        SSO_PUBLIC_KEY,
        algorithms=[ALGORITHMS.RS256, ALGORITHMS.HS256],  # todo: FL104
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def claims_unpacked_families(token):
    return jwt.decode(
        token,
        SSO_PUBLIC_KEY,
        algorithms=[*HMAC_ALGORITHMS, *RSA_ALGORITHMS],  # todo: FL104
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def claims_every_algorithm(token):
    # Every algorithm PyJWT knows, HS256 and RS256 alike.
    return jwt.decode(
        token,
        SSO_PUBLIC_KEY,
        algorithms=list(jwt.algorithms.get_default_algorithms()),  # todo: FL104
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def claims_shared_secret_mixed(token):
    # digital-membership's shape: the key is a shared secret, so no public key exists to sign
    # an HMAC token with, and the RSA algorithm cannot use the secret: low.
    return jwt.decode(
        token,
        SERVICE_SECRET,
        algorithms=["HS256", "HS512", "RS256"],  # expect: FL104(low)
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


# --- traps ------------------------------------------------------------------------------------


def claims_sso(token):
    return jwt.decode(token, SSO_PUBLIC_KEY, algorithms=SSO_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def claims_service(token):
    return jwt.decode(token, SERVICE_SECRET, algorithms=SERVICE_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def claims_by_key_type(token):
    # One family per key: the shared secret only with HMAC, the public key only with RSA.
    if jwt.get_unverified_header(token).get("kid") == "internal":
        return jwt.decode(token, SERVICE_SECRET, algorithms=["HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)
    return jwt.decode(token, SSO_PUBLIC_KEY, algorithms=["RS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def claims_chosen_family(token, internal):
    allowed = ["HS256"] if internal else ["RS256"]
    key = SERVICE_SECRET if internal else SSO_PUBLIC_KEY
    return jwt.decode(token, key, algorithms=allowed, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def claims_by_issuer(token, issuer):
    return jwt.decode(token, current_app.config["KEYS"][issuer], algorithms=ALGORITHMS_BY_ISSUER[issuer], audience=JWT_AUDIENCE, issuer=issuer)


def claims_jwks(token):
    signing_key = jwks_client.get_signing_key_from_jwt(token)
    return jwt.decode(token, signing_key.key, algorithms=["RS256", "ES256", "PS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def claims_jose_rsa_only(token):
    return jose_jwt.decode(token, SSO_PUBLIC_KEY, algorithms=[ALGORITHMS.RS256], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def peek_mixed_unverified(token):
    # Signature off: reported once, as FL102.
    return jwt.decode(token, algorithms=["HS256", "RS256"], options={"verify_signature": False})  # expect: FL102


@bp.route("/stock")
def stock():
    return jsonify(owner=g.claims["sub"])
