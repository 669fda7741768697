"""Partner tokens: python-jose, JWKS key lookup, algorithms read from the token header."""
import jose.jwt
from authlib.jose import jwt as authlib_jwt
from flask import Blueprint, abort, jsonify, request
from jose import jwt

from . import config
from .config import JWT_AUDIENCE, JWT_ISSUER, PARTNER_ALGORITHMS_BY_KID, PARTNER_KEYS

bp = Blueprint("partners", __name__, url_prefix="/partners")

ALLOWED_PARTNER_ALGORITHMS = ["RS256"]


def partner_token():
    return request.headers["Authorization"].split(" ")[1]


# --- hits -------------------------------------------------------------------------------------


def partner_claims_jose(token):
    key = PARTNER_KEYS["partner-a"]
    return jwt.decode(token, key, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def partner_claims_jose_dotted(token):
    return jose.jwt.decode(token, PARTNER_KEYS["partner-a"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def partner_claims_from_header(token):
    header = jwt.get_unverified_header(token)
    key = PARTNER_KEYS[header["kid"]]
    return jwt.decode(
        token,
        key,
        algorithms=[header["alg"]],  # expect: FL101
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def partner_claims_inline_header(token):
    return jwt.decode(
        token,
        PARTNER_KEYS["partner-a"],
        algorithms=jwt.get_unverified_header(token)["alg"],  # expect: FL101
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def partner_claims_header_alg_variable(token):
    alg = jose.jwt.get_unverified_header(token)["alg"]
    return jose.jwt.decode(token, PARTNER_KEYS["partner-a"], algorithms=[alg], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def partner_claims_header_get(token):
    unverified = jwt.get_unverified_header(token)
    return jwt.decode(
        token,
        PARTNER_KEYS[unverified["kid"]],
        algorithms=[unverified.get("alg")],  # expect: FL101
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def partner_claims_header_get_inline(token):
    return jwt.decode(
        token,
        PARTNER_KEYS["partner-a"],
        algorithms=[jwt.get_unverified_header(token).get("alg", "RS256")],  # expect: FL101
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def _header_alg(token):
    return jwt.get_unverified_header(token)["alg"]


def partner_claims_header_helper(token):
    # The header's alg comes back through a helper function: beyond single-assignment tracking.
    return jwt.decode(
        token,
        PARTNER_KEYS["partner-a"],
        algorithms=[_header_alg(token)],  # todo: FL101
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def partner_claims_authlib(token):
    # authlib's module-level `jwt` accepts every registered algorithm (HS256 included) for this
    # RSA public key; `JsonWebToken(["RS256"])` would pin it. Authlib decodes are out of FL101.
    claims = authlib_jwt.decode(  # todo: FL101
        token,
        PARTNER_KEYS["partner-a"],
        claims_options={"iss": {"essential": True, "value": JWT_ISSUER}, "aud": {"essential": True, "value": JWT_AUDIENCE}},
    )
    claims.validate()
    return claims


# --- traps ------------------------------------------------------------------------------------


def partner_claims_kid_lookup(token):
    # The unverified header only picks the key; the allow-list is a constant.
    kid = jwt.get_unverified_header(token)["kid"]
    if kid not in PARTNER_KEYS:
        abort(401)
    return jwt.decode(token, PARTNER_KEYS[kid], algorithms=ALLOWED_PARTNER_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def partner_claims_algorithm_by_kid(token):
    # The algorithm is the server's own per-key setting, looked up by kid: not the token's alg.
    header = jwt.get_unverified_header(token)
    kid = header["kid"]
    return jwt.decode(
        token,
        PARTNER_KEYS[kid],
        algorithms=[PARTNER_ALGORITHMS_BY_KID[kid]],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def partner_claims_allow_listed_header_alg(token):
    # The header's alg is used only after it is checked against a one-algorithm allow-list, so
    # the token cannot choose anything the server did not list.
    alg = jwt.get_unverified_header(token)["alg"]
    if alg not in ALLOWED_PARTNER_ALGORITHMS:
        abort(401)
    return jwt.decode(token, PARTNER_KEYS["partner-a"], algorithms=[alg], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def partner_claims_positional(token):
    # python-jose: decode(token, key, algorithms, options, audience, issuer).
    return jose.jwt.decode(token, PARTNER_KEYS["partner-a"], ["RS256"], None, JWT_AUDIENCE, JWT_ISSUER)


def partner_claims_config_module(token):
    return jwt.decode(token, PARTNER_KEYS["partner-a"], algorithms=config.JWT_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


@bp.route("/orders")
def partner_orders():
    claims = partner_claims_kid_lookup(partner_token())
    return jsonify(partner=claims["sub"])
