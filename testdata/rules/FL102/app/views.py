from datetime import datetime, timedelta, timezone

import jwt
import jwt as pyjwt
from flask import Blueprint, abort, current_app, g, jsonify, request
from flask_jwt_extended import decode_token
from jose import jwt as jose_jwt

from . import settings
from .settings import (
    BASE_OPTIONS,
    JWT_AUDIENCE,
    JWT_ISSUER,
    STRICT_OPTIONS,
    TENANT_KEYS,
    UNVERIFIED_OPTIONS,
)

bp = Blueprint("views", __name__)


def bearer():
    return request.headers["Authorization"].split(" ")[1]


# --- hits -------------------------------------------------------------------------------------


@bp.route("/whoami")
def whoami():
    # Seed example: two unverified decodes, nested.
    user = jwt.decode(jwt.decode(request.headers['Authorization'].split(' ')[1], options={'verify_signature': False}), options={'verify_signature': False})  # expect: FL102, FL102
    return jsonify(user)


@bp.route("/profile")
def profile():
    claims = jwt.decode(bearer(), options={"verify_signature": False})  # expect: FL102
    return jsonify(sub=claims["sub"])


@bp.route("/invoices")
def invoices():
    claims = pyjwt.decode(
        bearer(),
        current_app.config["SECRET_KEY"],
        algorithms=["HS256"],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options={
            "require": ["exp"],
            "verify_signature": False,  # expect: FL102
        },
    )
    return jsonify(owner=claims["sub"])


def claims_with_imported_options(token):
    return jwt.decode(
        token, settings.SECRET_KEY, algorithms=["HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER, options=UNVERIFIED_OPTIONS  # expect: FL102
    )


def claims_with_module_options(token):
    return jwt.decode(token, settings.SECRET_KEY, algorithms=["HS256"], options=settings.UNVERIFIED_OPTIONS)  # expect: FL102


def claims_with_local_options(token):
    opts = {"verify_signature": False, "verify_exp": False}
    return jwt.decode(token, settings.SECRET_KEY, algorithms=["HS256"], options=opts)  # expect: FL102


def claims_with_dict_call(token):
    return jwt.decode(token, settings.SECRET_KEY, algorithms=["HS256"], options=dict(verify_signature=False))  # expect: FL102


def claims_with_merged_options(token):
    return jwt.decode(token, settings.SECRET_KEY, algorithms=["HS256"], options={**BASE_OPTIONS, "verify_signature": False})  # expect: FL102


def claims_behind_feature_flag(token):
    # VERIFY_TOKENS is False in settings.py.
    return jwt.decode(
        token,
        settings.SECRET_KEY,
        algorithms=["HS256"],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options={"verify_signature": settings.VERIFY_TOKENS},  # expect: FL102
    )


def claims_v1_positional(token):
    # PyJWT 1.x: decode(jwt, key, verify, ...); the third argument switches verification off.
    return jwt.decode(token, settings.SECRET_KEY, False)  # expect: FL102


def claims_v1_keyword(token):
    return jwt.decode(token, verify=False)["user_id"]  # expect: FL102


def claims_v1_keyword_with_key(token):
    return jwt.decode(token, settings.SECRET_KEY, verify=False, algorithms=["HS256"])  # expect: FL102


def claims_jose(token):
    return jose_jwt.decode(token, settings.SECRET_KEY, options={"verify_signature": False})  # expect: FL102


def claims_instance(token):
    return jwt.PyJWT().decode_complete(token, options={"verify_signature": False})["payload"]  # expect: FL102


def claims_api_jwt(token):
    return jwt.api_jwt.decode(token, settings.SECRET_KEY, options={"verify_signature": False})  # expect: FL102


def user_id_from_jose_claims(token):
    # python-jose's get_unverified_claims is an unverified decode by another name.
    return jose_jwt.get_unverified_claims(token)["sub"]  # todo: FL102


@bp.route("/admin")
def admin():
    claims = jwt.decode(bearer(), current_app.config["SECRET_KEY"], options={"verify_signature": False})  # expect: FL102
    if claims.get("role") != "admin":  # expect: FL203
        abort(403)
    return jsonify(ok=True)


# --- traps ------------------------------------------------------------------------------------


@bp.route("/orders")
def orders():
    g.claims = jwt.decode(
        bearer(),
        current_app.config["SECRET_KEY"],
        algorithms=[current_app.config["JWT_ALGORITHM"]],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options={"verify_signature": True, "require": ["exp", "iat"]},
    )
    return jsonify(sub=g.claims["sub"])


def claims_strict(token):
    return jwt.decode(token, settings.SECRET_KEY, algorithms=["HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER, options=STRICT_OPTIONS)


def claims_configurable(token):
    # Whether to verify comes from deployment config: unknown here.
    return jwt.decode(
        token,
        settings.SECRET_KEY,
        algorithms=["HS256"],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options={"verify_signature": current_app.config.get("JWT_VERIFY", True)},
    )


def claims_v1_verified(token):
    return jwt.decode(token, settings.SECRET_KEY, True, ["HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def key_for_token(token):
    # Only the header is read unverified, to pick the key.
    kid = jwt.get_unverified_header(token).get("kid")
    if kid not in TENANT_KEYS:
        abort(401)
    return TENANT_KEYS[kid]


def claims_multi_tenant(token):
    # The documented multi-issuer pattern: read `iss` unverified only to choose the tenant's key,
    # then verify the token fully with that key. The unverified result grants nothing.
    unverified = jwt.decode(token, options={"verify_signature": False})
    issuer = unverified.get("iss")
    if issuer not in TENANT_KEYS:
        abort(401)
    return jwt.decode(token, TENANT_KEYS[issuer], algorithms=["HS256"], audience=JWT_AUDIENCE, issuer=issuer)


def decode_with(token, **kwargs):
    return jwt.decode(token, settings.SECRET_KEY, **kwargs)


def refresh_identity(encoded):
    return decode_token(encoded)["sub"]


def mint(user_id):
    token = jwt.encode(
        {"sub": user_id, "exp": datetime.now(tz=timezone.utc) + timedelta(minutes=10)},
        settings.SECRET_KEY,
        algorithm="HS256",
    )
    if isinstance(token, bytes):
        token = token.decode("utf-8")
    return token
