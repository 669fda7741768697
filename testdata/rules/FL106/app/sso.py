"""SSO callback: tokens from the identity provider, decoded with authlib."""
from authlib.jose import JsonWebToken
from authlib.jose import jwt as authlib_jwt
from flask import Blueprint, current_app, g, jsonify, request, session

from .settings import SSO_CLAIMS_OPTIONS

bp = Blueprint("sso", __name__, url_prefix="/sso")

rs256 = JsonWebToken(["RS256"])


def idp_key():
    return current_app.config["IDP_PUBLIC_KEY"]


# --- hits ---------------------------------------------------------------------------------------


@bp.route("/callback")
def callback():
    claims = authlib_jwt.decode(request.args["id_token"], idp_key(), claims_options=SSO_CLAIMS_OPTIONS)  # expect: FL106
    session["user"] = claims["sub"]
    return jsonify(ok=True)


def load_user_from_header():
    token = request.headers["Authorization"].split(" ")[1]
    g.user = rs256.decode(token, idp_key(), claims_options=SSO_CLAIMS_OPTIONS)["sub"]  # expect: FL106


def mint_downstream(user_id):
    header = {"alg": "RS256"}
    return rs256.encode(header, {"sub": user_id, "aud": "downstream"}, current_app.config["PRIVATE_KEY"])  # expect: FL106


# --- traps --------------------------------------------------------------------------------------


def verified_claims(token):
    claims = rs256.decode(token, idp_key(), claims_options=SSO_CLAIMS_OPTIONS)
    claims.validate(leeway=30)
    return claims["sub"]


def expiry_checked_claims(token):
    # `validate_exp` checks the expiry alone, which is what FL106 asks for.
    claims = rs256.decode(token, idp_key(), claims_options=SSO_CLAIMS_OPTIONS)
    claims.validate_exp(now=None, leeway=0)
    return claims["sub"]


def decode_for_caller(token):
    # Returned as-is: the caller is responsible for validate().
    return authlib_jwt.decode(token, idp_key(), claims_options=SSO_CLAIMS_OPTIONS)


def decode_named_for_caller(token):
    claims = rs256.decode(token, idp_key(), claims_options=SSO_CLAIMS_OPTIONS)
    return claims


def validate_inline(token):
    rs256.decode(token, idp_key(), claims_options=SSO_CLAIMS_OPTIONS).validate()


def mint_downstream_expiring(user_id, expires_at):
    return rs256.encode({"alg": "RS256"}, {"sub": user_id, "exp": expires_at}, current_app.config["PRIVATE_KEY"])
