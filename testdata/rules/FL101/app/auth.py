import base64
import json
from datetime import datetime, timedelta, timezone
from functools import wraps

import jwt
import jwt as pyjwt
from flask import Blueprint, abort, current_app, g, jsonify, request
from flask_jwt_extended import decode_token
from jwt import PyJWT
from jwt import decode as jwt_decode

from . import config
from .config import JWT_ALGORITHMS, JWT_AUDIENCE, JWT_ISSUER, PARTNER_ALGORITHMS

bp = Blueprint("auth", __name__)

_decoder = jwt.PyJWT()


def bearer_token():
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        abort(401)
    return header.split(" ", 1)[1]


def issue_token(user_id):
    payload = {
        "sub": str(user_id),
        "aud": JWT_AUDIENCE,
        "iss": JWT_ISSUER,
        "exp": datetime.now(tz=timezone.utc) + timedelta(minutes=15),
    }
    return jwt.encode(payload, current_app.config["JWT_SECRET_KEY"], algorithm=config.JWT_ALGORITHM)


# --- hits -------------------------------------------------------------------------------------


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = bearer_token()
        g.claims = jwt.decode(  # expect: FL101(low)
            token,
            current_app.config["JWT_SECRET_KEY"],
            audience=JWT_AUDIENCE,
            issuer=JWT_ISSUER,
        )
        return view(*args, **kwargs)

    return wrapper


def claims_via_alias(token):
    return pyjwt.decode(token, config.JWT_SECRET_KEY, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def claims_via_from_import(token):
    return jwt_decode(token, config.JWT_SECRET_KEY, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def claims_via_instance(token):
    return jwt.PyJWT().decode(token, config.JWT_SECRET_KEY, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def claims_via_imported_class(token):
    return PyJWT().decode_complete(token, config.JWT_SECRET_KEY, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def claims_via_module_decoder(token):
    return _decoder.decode(token, config.JWT_SECRET_KEY, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def claims_via_api_jwt(token):
    return jwt.api_jwt.decode(token, config.JWT_SECRET_KEY, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


def claims_with_none_algorithms(token):
    return jwt.decode(  # expect: FL101
        token,
        config.JWT_SECRET_KEY,
        algorithms=None,
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
    )


def claims_with_unset_partner_algorithms(token, key):
    # PARTNER_ALGORITHMS is None in config.py: no allow-list.
    return jwt.decode(token, key, algorithms=PARTNER_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101(high)


def claims_with_local_none(token, key):
    allowed = None
    return jwt.decode(token, key, algorithms=allowed, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)  # expect: FL101


@bp.route("/me")
@login_required
def me():
    return jsonify(sub=g.claims["sub"])


# --- traps: every decode below pins its algorithms --------------------------------------------


def claims_from_config(token):
    return jwt.decode(
        token,
        current_app.config["JWT_SECRET_KEY"],
        algorithms=[current_app.config["JWT_ALGORITHM"]],
        audience=current_app.config["JWT_AUDIENCE"],
        issuer=current_app.config["JWT_ISSUER"],
    )


def claims_from_constant(token):
    return pyjwt.decode(token, config.JWT_SECRET_KEY, algorithms=JWT_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def claims_from_module_attribute(token):
    return jwt_decode(token, config.JWT_SECRET_KEY, algorithms=config.JWT_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def claims_positional_algorithms(token, audience, issuer):
    # PyJWT 2.x: decode(jwt, key, algorithms, options).
    return jwt.decode(token, config.JWT_SECRET_KEY, ["HS256"], None, audience=audience, issuer=issuer)


def claims_with_local_algorithms(token):
    allowed = ["HS256"]
    return _decoder.decode(token, config.JWT_SECRET_KEY, algorithms=allowed, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def claims_with_caller_algorithms(token, algorithms):
    return jwt.decode(token, config.JWT_SECRET_KEY, algorithms=algorithms, audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


def decode_passthrough(token, **kwargs):
    # The caller supplies algorithms= (and the rest) through **kwargs.
    return jwt.decode(token, config.JWT_SECRET_KEY, **kwargs)


def refresh_claims(encoded):
    # Flask-JWT-Extended reads its algorithm from JWT_ALGORITHM itself.
    return decode_token(encoded)


def peek_claims_for_logging(token):
    # Not a JWT decode: base64 of the payload segment, for a log line only.
    segment = token.split(".")[1]
    raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    return json.loads(raw.decode("utf-8"))


class SessionCodec:
    """A cookie codec with a `decode` method of its own."""

    def __init__(self, secret):
        self.secret = secret

    def decode(self, value):
        return json.loads(base64.b64decode(value).decode("utf-8"))

    def load(self, value):
        return self.decode(value)


def session_data(cookie):
    codec = SessionCodec(config.SECRET_KEY)
    return codec.decode(cookie)


def legacy_token_text(user_id):
    # PyJWT 1.x returned bytes from encode: `.decode("utf-8")` is bytes.decode, not a JWT decode.
    return jwt.encode(
        {"sub": str(user_id), "exp": datetime.now(tz=timezone.utc) + timedelta(minutes=5)},
        config.JWT_SECRET_KEY,
        algorithm="HS256",
    ).decode("utf-8")


def raw_tokens_as_text(raw_tokens):
    # `jwt` here is the comprehension's own variable (bytes), not the PyJWT module.
    return [jwt.decode("utf-8") for jwt in raw_tokens]


def raw_token_as_text(jwt: bytes):
    # A parameter named `jwt` shadows the module: bytes.decode.
    return jwt.decode("ascii")


def each_raw_token(raw_tokens):
    for jwt in raw_tokens:
        yield jwt.decode("ascii")


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = ["claims_with_unset_partner_algorithms"]
