from datetime import datetime, timedelta, timezone

import jwt
from flask import Blueprint, abort, current_app, jsonify, request
from jwt import encode as jwt_encode

from . import config
from .config import ACCEPTED_ALGORITHMS, JWT_AUDIENCE, JWT_ISSUER, PREVIEW_ALGORITHM, SAFE_ALGORITHMS, Config

bp = Blueprint("tokens", __name__)


def _expiry(minutes=15):
    return datetime.now(tz=timezone.utc) + timedelta(minutes=minutes)


def bearer():
    return request.headers["Authorization"].split(" ")[1]


# --- hits: decoding -----------------------------------------------------------------------------


def claims_allowing_none(token):
    return jwt.decode(
        token,
        current_app.config["SECRET_KEY"],
        algorithms=["HS256", "none"],  # expect: FL103
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def claims_allowing_upper_none(token):
    return jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=("HS256", "NONE"), audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL103


def claims_with_imported_list(token):
    return jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=ACCEPTED_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL103


def claims_with_module_list(token):
    return jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=config.ACCEPTED_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL103


def claims_with_local_list(token):
    accepted = ["none"]
    return jwt.PyJWT().decode(token, "", algorithms=accepted, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL103


def claims_positional(token):
    # PyJWT 2.x positional allow-list.
    return jwt.decode(token, current_app.config["SECRET_KEY"], ["none"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL103


def claims_with_class_config(token):
    return jwt.decode(
        token,
        Config.SECRET_KEY,
        algorithms=Config.JWT_ALGORITHMS,  # expect: FL103
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


# --- hits: signing ------------------------------------------------------------------------------


@bp.route("/preview/<int:report_id>")
def preview_link(report_id):
    token = jwt.encode({"report": report_id, "exp": _expiry(60)}, None, algorithm="none")  # expect: FL103
    return jsonify(url=f"/reports/{report_id}?t={token}")


def mint_with_algorithm_none(user_id):
    # PyJWT treats algorithm=None as "none".
    return jwt.encode({"sub": user_id, "exp": _expiry()}, current_app.config["SECRET_KEY"], algorithm=None)  # expect: FL103


def mint_positional(user_id):
    return jwt_encode({"sub": user_id, "exp": _expiry()}, "", "none")  # expect: FL103


def mint_with_constant(user_id):
    return jwt.encode({"sub": user_id, "exp": _expiry()}, None, algorithm=PREVIEW_ALGORITHM)  # expect: FL103


def mint_with_local(user_id):
    unsigned = "none"
    payload = {"sub": user_id, "exp": _expiry()}
    return jwt.encode(payload, None, algorithm=unsigned)  # expect: FL103


def mint_with_header_override(user_id):
    # PyJWT lets an "alg" in headers= override algorithm=: this token is unsigned.
    return jwt.encode(
        {"sub": user_id, "exp": _expiry()},
        current_app.config["SECRET_KEY"],
        headers={"alg": "none"},  # todo: FL103
    )


# --- traps --------------------------------------------------------------------------------------


@bp.route("/reports")
def reports():
    token = bearer()
    header = jwt.get_unverified_header(token)
    # Explicitly refusing unsigned tokens is the opposite of the mistake.
    if header.get("alg", "none").lower() == "none":
        abort(401)
    claims = jwt.decode(
        token,
        current_app.config["SECRET_KEY"],
        algorithms=[current_app.config["JWT_ALGORITHM"]],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )
    sort = request.args.get("sort", "none")
    return jsonify(owner=claims["sub"], sort=sort)


def claims_safe_constant(token):
    return jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=SAFE_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def claims_unverified_with_none(token):
    # Signature checking is off altogether: reported once, as FL102, not again as FL103.
    return jwt.decode(token, algorithms=["none"], options={"verify_signature": False})  # expect: FL102


def mint_default_algorithm(user_id):
    # No algorithm= : PyJWT signs with HS256.
    return jwt.encode({"sub": user_id, "exp": _expiry()}, current_app.config["SECRET_KEY"])


def mint_from_config(user_id):
    return jwt.encode(
        {"sub": user_id, "exp": _expiry()},
        current_app.config["SECRET_KEY"],
        algorithm=current_app.config["JWT_ALGORITHM"],
    )


def mint_from_constant(user_id):
    return jwt_encode({"sub": user_id, "exp": _expiry()}, Config.SECRET_KEY, algorithm=config.JWT_ALGORITHM)


def mint_with_kid_header(user_id, kid):
    return jwt.encode(
        {"sub": user_id, "exp": _expiry()},
        current_app.config["SECRET_KEY"],
        algorithm="HS256",
        headers={"kid": kid, "typ": "JWT"},
    )


def mint_for_algorithm(user_id, algorithm):
    return jwt.encode({"sub": user_id, "exp": _expiry()}, current_app.config["SECRET_KEY"], algorithm=algorithm)
