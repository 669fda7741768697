from datetime import datetime, timedelta, timezone

import jwt
from flask import Blueprint, current_app, jsonify, request
from flask_jwt_extended import create_access_token, decode_token, get_jwt
from jose import jwt as jose_jwt

from . import settings
from .settings import EXP, JWT_AUDIENCE, JWT_ISSUER, LENIENT_OPTIONS, SERVICE_CLAIMS

bp = Blueprint("auth", __name__)

REVOKED = set()


def _soon(minutes=15):
    return datetime.now(tz=timezone.utc) + timedelta(minutes=minutes)


def _secret():
    return current_app.config["JWT_SECRET_KEY"]


# --- hits: minting ------------------------------------------------------------------------------


@bp.route("/login", methods=["POST"])
def login():
    user = authenticate(request.json["email"], request.json["password"])
    # Seed example: issued-at, but no expiry.
    token = jwt.encode({"user_id": user.id, "iat": datetime.utcnow()}, current_app.config["SECRET_KEY"])  # expect: FL106
    return jsonify(token=token)


def api_key_token(user_id):
    payload = {"sub": str(user_id), "scope": "api", "aud": JWT_AUDIENCE, "iss": JWT_ISSUER}
    return jwt.encode(payload, _secret(), algorithm="HS256")  # expect: FL106


def invite_token(email):
    return jwt.encode(
        {  # expect: FL106
            "email": email,
            "purpose": "invite",
        },
        _secret(),
        algorithm="HS256",
    )


def role_token(user_id, role):
    return jwt.encode(dict(sub=user_id, role=role), _secret(), algorithm="HS256")  # expect: FL106


def service_token():
    return jwt.encode(SERVICE_CLAIMS, _secret(), algorithm="HS256")  # expect: FL106


def jose_token(user_id):
    return jose_jwt.encode({"sub": user_id}, _secret(), algorithm="HS256")  # expect: FL106


def jose_token_keywords(user_id):
    return jose_jwt.encode(claims={"sub": user_id, "aud": JWT_AUDIENCE}, key=_secret(), algorithm="HS256")  # expect: FL106


def scoped_token(user_id):
    base = {"sub": user_id}
    # `base` has no exp and neither does the merged dict.
    return jwt.encode({**base, "scope": "read"}, _secret(), algorithm="HS256")  # todo: FL106


def remember_me(user):
    # Flask-JWT-Extended: expires_delta=False mints a token that never expires.
    return create_access_token(identity=user.id, expires_delta=False)  # todo: FL106


# --- hits: decoding -----------------------------------------------------------------------------


def claims_ignoring_expiry(token):
    return jwt.decode(
        token,
        _secret(),
        algorithms=["HS256"],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options={"verify_exp": False},  # expect: FL106
    )


def claims_lenient(token):
    return jwt.decode(
        token,
        _secret(),
        algorithms=["HS256"],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options=LENIENT_OPTIONS,  # expect: FL106
    )


def claims_lenient_module(token):
    return jwt.decode(token, _secret(), algorithms=["HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER, options=settings.LENIENT_OPTIONS)  # expect: FL106


def claims_jose_ignoring_expiry(token):
    return jose_jwt.decode(token, _secret(), algorithms=["HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER, options=dict(verify_exp=False))  # expect: FL106


def claims_lenient_instance(token):
    # PyJWT merges constructor options into every decode: verify_exp is off here too.
    decoder = jwt.PyJWT(options={"verify_exp": False})  # todo: FL106
    return decoder.decode(token, _secret(), algorithms=["HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER)


# --- traps --------------------------------------------------------------------------------------


def access_token(user_id):
    payload = {"sub": user_id, "aud": JWT_AUDIENCE, "iss": JWT_ISSUER}
    payload["exp"] = _soon()
    return jwt.encode(payload, _secret(), algorithm="HS256")


def refresh_token(user_id):
    payload = {"sub": user_id, "type": "refresh"}
    payload.update(exp=_soon(60 * 24))
    return jwt.encode(payload, _secret(), algorithm="HS256")


def reset_token(claims):
    return jwt.encode({**claims, "exp": _soon(30)}, _secret(), algorithm="HS256")


def confirm_token(claims):
    return jwt.encode(dict(claims, exp=_soon(60)), _secret(), algorithm="HS256")


def default_expiry_token(user_id):
    payload = {"sub": user_id}
    payload.setdefault("exp", _soon())
    return jwt.encode(payload, _secret(), algorithm="HS256")


def constant_key_token(user_id):
    return jwt.encode({"sub": user_id, EXP: _soon()}, _secret(), algorithm="HS256")


def built_token(user):
    return jwt.encode(build_claims(user), _secret(), algorithm="HS256")


def caller_token(payload):
    return jwt.encode(payload, _secret(), algorithm="HS256")


def jose_expiring_token(user_id):
    return jose_jwt.encode({"sub": user_id, "exp": _soon()}, _secret(), algorithm="HS256")


def short_session(user):
    return create_access_token(identity=user.id, expires_delta=timedelta(minutes=15))


def claims_with_leeway(token):
    return jwt.decode(
        token,
        _secret(),
        algorithms=["HS256"],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        leeway=timedelta(seconds=30),
        options={"verify_exp": True, "require": ["exp"]},
    )


def peek_unverified(token):
    # Signature off: reported once, as FL102, not again for verify_exp.
    return jwt.decode(token, options={"verify_signature": False, "verify_exp": False})  # expect: FL102


@bp.route("/logout", methods=["DELETE"])
def logout():
    # Revoking a token that may already have expired: the expired token grants nothing here.
    claims = decode_token(request.headers["Authorization"][7:], allow_expired=True)
    REVOKED.add(claims["jti"])
    return jsonify(revoked=get_jwt().get("jti"))


def build_claims(user):
    return {"sub": user.id, "exp": _soon()}


def authenticate(email, password):
    raise NotImplementedError


def partner_api_headers(key, secret):
    # A token the app sends to another service (Redash's Uptycs runner): that service's protocol
    # decides the claims, so it is reported at low.
    auth_var = jwt.encode({"iss": key}, secret, algorithm="HS256")  # expect: FL106(low)
    authorization = "Bearer %s" % (auth_var)
    header = {}
    header["Authorization"] = authorization
    return header


def partner_session(session, key, secret):
    session.headers.update(
        {"Authorization": f"Bearer {jwt.encode({'iss': key}, secret, algorithm='HS256')}"}  # expect: FL106(low)
    )


def token_in_response_header(user_id):
    # An `Authorization` header on the app's own response hands its own token to its client.
    token = jwt.encode({"sub": user_id}, _secret(), algorithm="HS256")  # expect: FL106(medium)
    response = jsonify(ok=True)
    response.headers["Authorization"] = f"Bearer {token}"
    return response


def _service_jwt(user_id):
    # Returned to callers that all put it in the `Authorization` header of their own requests
    # (response-operations-ui's `_get_jwt` for its secure-message service): low.
    return jwt.encode({"party_id": user_id, "role": "internal"}, _secret(), algorithm="HS256")  # expect: FL106(low)


def get_messages(http, user_id):
    return http.get("https://messages.internal/v1", headers={"Authorization": _service_jwt(user_id)})


def patch_message(http, user_id, payload):
    headers = {"Authorization": _service_jwt(user_id), "Accept": "application/json"}
    return http.patch("https://messages.internal/v1", headers=headers, json=payload)


def _browser_jwt(user_id):
    return jwt.encode({"sub": user_id}, _secret(), algorithm="HS256")  # expect: FL106(medium)


def call_with_browser_token(http, user_id):
    return http.get("https://api.internal/v1", headers={"Authorization": _browser_jwt(user_id)})


def login_response(user_id):
    # One caller hands the same token to the browser: the rule's severity.
    return jsonify(token=_browser_jwt(user_id))


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = [
    "token_in_response_header",
    "get_messages",
    "patch_message",
    "call_with_browser_token",
    "login_response",
]


def revocation_claims(token):
    # Called only to revoke the token (it-s_dec's `get_token_payload`, used by `logout`): an
    # expired token must be revocable too, and revoking one grants nothing.
    return jwt.decode(
        token,
        _secret(),
        algorithms=["HS256"],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options={"verify_exp": False},
    )


def blacklist_token(token):
    claims = jwt.decode(token, _secret(), algorithms=["HS256"], audience=JWT_AUDIENCE, issuer=JWT_ISSUER, options={"verify_exp": False})
    REVOKED.add(claims["jti"])


def lenient_claims(token):
    # Trap: one of its callers reads the claims to serve a request.
    return jwt.decode(
        token,
        _secret(),
        algorithms=["HS256"],
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        options={"verify_exp": False},  # expect: FL106
    )


@bp.route("/sessions/current", methods=["DELETE"])
def revoke_session():
    token = request.headers["Authorization"][7:]
    REVOKED.add(revocation_claims(token)["jti"])
    REVOKED.add(lenient_claims(token)["jti"])
    return jsonify(revoked=True)


@bp.route("/profile/expired-ok")
def profile_from_any_token():
    return jsonify(user=lenient_claims(request.headers["Authorization"][7:])["sub"])
