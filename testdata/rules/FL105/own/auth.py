import os
from datetime import datetime, timedelta, timezone

import jwt
from decouple import config
from authlib.jose import jwt as authlib_jwt
from flask import Blueprint, current_app, jsonify, request, session

bp = Blueprint("auth", __name__)

SESSION_SECRET = os.environ["SESSION_SECRET"]
jwks = jwt.PyJWKClient("https://idp.example.com/.well-known/jwks.json")


def expiry():
    return datetime.now(tz=timezone.utc) + timedelta(minutes=15)


def issue(user_id):
    return jwt.encode({"sub": user_id, "exp": expiry()}, current_app.config["SECRET_KEY"], algorithm="HS256")


def issue_session(user_id):
    return jwt.encode({"sub": user_id, "exp": expiry()}, SESSION_SECRET, algorithm="HS256")


def issue_api(user_id):
    # python-decouple reads the environment (or .env): the key is the variable `API_JWT_KEY`.
    return jwt.encode({"sub": user_id, "exp": expiry()}, key=config("API_JWT_KEY"), algorithm="HS256")


def issue_reset(user_id):
    return jwt.encode({"sub": user_id, "exp": expiry()}, current_app.config["RESET_KEY"], algorithm="HS256")


# --- low: this app mints these tokens with the same key -----------------------------------------


def verify(token):
    # Signed by `issue` above with the same config key.
    return jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=["HS256"])  # expect: FL105(low)


def verify_session(token):
    key = SESSION_SECRET
    return jwt.decode(token, key, algorithms=["HS256"], audience="sessions")  # expect: FL105(low)


def verify_reset(token):
    # RESET_KEY is generated at start-up: nothing outside this process can have signed with it.
    return jwt.decode(token, current_app.config.get("RESET_KEY"), algorithms=["HS256"], options={"verify_aud": False})  # expect: FL105(low)


def verify_oauth_state(state):
    # An OAuth `state` signed with a random string kept in the user's session.
    return jwt.decode(state, session["oauth_state"], algorithms=["HS256"])  # expect: FL105(low)


# --- medium: the tokens come from elsewhere -----------------------------------------------------


def verify_partner(token):
    # Signed by a partner service with a secret this app never signs with: low, only the services
    # given that secret can mint a token it accepts.
    return jwt.decode(token, os.environ["PARTNER_SECRET"], algorithms=["HS256"])  # expect: FL105(low)


def verify_idp(token):
    signing_key = jwks.get_signing_key_from_jwt(token)
    return jwt.decode(token, signing_key.key, algorithms=["RS256"])  # expect: FL105(medium)


def verify_id_token(id_token):
    # An OIDC id_token signed with the client secret (HS256): minted by the identity provider.
    return jwt.decode(id_token, current_app.config["SECRET_KEY"], algorithms=["HS256"], audience="client-id")  # expect: FL105(medium)


def verify_oidc_callback(token, jwt_key_set):
    # alerta's OIDC login: the identity provider's id_token, no `audience=`. PyJWT refuses it
    # (it carries `aud`), so another client's token is not accepted: low, with the reason.
    return jwt.decode(token["id_token"], key=jwt_key_set["kid"], algorithms=["RS256"])  # expect: FL105(low)


def verify_oidc_callback_with_authlib(id_token, keyset):
    # authlib checks no `aud` unless told: the identity provider's other clients' tokens pass.
    claims = authlib_jwt.decode(id_token, keyset)  # expect: FL105(medium)
    claims.validate()
    return claims


def verify_any(token, key):
    # A key that cannot be followed: the rule's own severity.
    return jwt.decode(token, key, algorithms=["HS256", "HS512"])  # expect: FL105(medium)


@bp.route("/me")
def me():
    claims = verify(request.headers.get("Authorization", "")[7:])
    return jsonify(sub=claims["sub"])


def verify_api(token):
    # Minted by `issue_api` with the same environment variable, read through python-decouple.
    return jwt.decode(token, key=config("API_JWT_KEY"), algorithms=["HS256"])  # expect: FL105(low)


def verify_partner_api(token):
    # An environment variable this app never signs with: another service's tokens.
    return jwt.decode(token, key=config("PARTNER_JWT_KEY"), algorithms=["HS256"])  # expect: FL105(low)


def parse(token, key=None):
    # A key parameter left empty falls back to the setting `issue` signs with (alerta's Jwt.parse).
    return jwt.decode(token, key=key or current_app.config["SECRET_KEY"], algorithms=["HS256"])  # expect: FL105(low)


class TokenChecker:
    # A class that keeps the app's config as `self.conf` (jwtauth's helper) reads the same setting.
    def __init__(self, app):
        self.conf = app.config

    def check(self, token):
        return jwt.decode(token, self.conf.get("SECRET_KEY"), algorithms=["HS256"])  # expect: FL105(low)


class ResetTokens:
    # hashview's `Users`: a method gives the key, kept in a local when minting and asked again
    # when verifying: the same key, so the tokens are the app's own.
    def _reset_key(self):
        return current_app.config["RESET_SALT"] + str(id(self))

    def mint(self, user_id):
        key_bytes = self._reset_key()
        return jwt.encode({"sub": user_id, "exp": expiry()}, key_bytes, algorithm="HS256")

    def verify(self, token):
        return jwt.decode(token, self._reset_key(), algorithms=["HS256"])  # expect: FL105(low)

    def verify_partner(self, token):
        # Trap: another method's key was never used to mint here.
        return jwt.decode(token, self._partner_key(), algorithms=["HS256"])  # expect: FL105(low)

    def _partner_key(self):
        return os.environ["PARTNER_SECRET"]


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = ["verify_any", "verify_id_token", "verify_idp", "verify_oidc_callback_with_authlib", "verify_partner", "verify_partner_api"]


from . import tokens  # noqa: E402


@bp.post("/sessions")
def open_session():
    token = tokens.encode({"sub": request.json["user"]}, SESSION_SECRET)
    return jsonify(token=token, captcha=tokens.new_captcha(SESSION_SECRET, request.remote_addr))


@bp.get("/sessions/current")
def current_session():
    claims = tokens.decode(request.headers["X-Session"], SESSION_SECRET)
    tokens.unpack_captcha(request.args["captcha"], SESSION_SECRET, request.remote_addr)
    return jsonify(claims, partner=tokens.partner_claims(request.args["partner"], os.environ["PARTNER_KEY"]))
