import os
import random
import string
import logging
from functools import wraps

import jwt
from flask import Flask, current_app, g, request
from flask_jwt_extended import create_access_token, get_jwt

app = Flask(__name__)
log = logging.getLogger(__name__)
KEY = "k" * 40


def require_auth(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        auth = request.headers.get("Authorization", "")
        log.debug("auth header: %s", auth)  # expect: FL403
        raw = auth.split(" ")[1]
        current_app.logger.info(f"verifying {raw}")  # expect: FL403
        g.claims = jwt.decode(raw, KEY, algorithms=["HS256"], audience="api", issuer="me")
        return f(*args, **kwargs)

    return decorated


@app.post("/login")
def login():
    access_token = create_access_token(identity="alice")
    print("issued", access_token)  # expect: FL403
    app.logger.warning("token=" + access_token)  # expect: FL403
    logging.info("headers: %s", request.headers)  # expect: FL403
    log.error("Authorization: %s", request.headers["Authorization"])  # expect: FL403
    return {"access_token": access_token}


@app.post("/pipeline/report")
def pipeline_report():
    # Anubis's shape: the headers as a record attribute, which the format does not print.
    log.error("Invalid token", extra={"path": request.path, "headers": request.headers})  # expect: FL403(low)
    # Trap: in the message's arguments, the header set is printed.
    log.error("Invalid token from %s", request.headers, extra={"path": request.path})  # expect: FL403
    return {}, 406


def refresh(refreshToken):
    log.info("refreshing %s", refreshToken)  # expect: FL403
    return refreshToken


# Traps below: these must stay silent.


@app.get("/me")
def me():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    log.info("token length %d", len(token))
    log.info("token prefix %s", token[:8])
    log.info("user agent %s", request.headers.get("User-Agent"))
    log.info("request %s from %s", g.get("request_id"), request.remote_addr)
    claims = get_jwt()
    log.info("jti %s type %s", claims["jti"], claims.get("type"))
    token_type = claims.get("type")
    decoded_token = claims
    log.info("type %s claims %s", token_type, decoded_token)
    log.info("has token: %s", token is not None)
    try:
        jwt.decode(token, KEY, algorithms=["HS256"], audience="api", issuer="me")
    except jwt.InvalidTokenError:
        log.exception("token rejected")
    return {"ok": True}


# --- by meaning, not by prefix ---------------------------------------------------------------


class BudgetMiddleware:
    def __init__(self, token_limit, token_alg):
        self.token_limit = token_limit
        self.token_alg = token_alg

    def check(self, used):
        # An LLM token budget and an algorithm name are not credentials.
        log.warning("token limit %s exceeded (%s used), alg %s", self.token_limit, used, self.token_alg)
        token_count = used
        tokens_used = used
        max_tokens = self.token_limit
        log.info("count %s used %s max %s", token_count, tokens_used, max_tokens)
        next_page_token = "abc"
        log.info("next page %s", next_page_token)


def log_role(claims, request):
    # What was read from a token is not the token (Techforgood's `user_role_from_token`); a
    # token read from a header still is.
    user_role_from_token = claims.get("role")
    log.info("role %s", user_role_from_token)
    token_from_header = request.headers.get("Authorization", "")[7:]
    log.info("token %s", token_from_header)  # expect: FL403


class MentionSettings:
    mention_token: str = "@hackbot"


def on_comment(webhook, tokenizer):
    # The text that summons a bot and a tokenizer's special tokens are words, not credentials.
    log.warning("ignoring %s mention", webhook.mention_token)
    log.info("eos %s pad %s", tokenizer.eos_token, tokenizer.pad_token)


def oidc_callback(id_token, api_token):
    log.info("id token %s", id_token)  # expect: FL403
    log.info("api token %s", api_token.token)  # expect: FL403


@app.post("/token")
def issue():
    signed = jwt.encode({"sub": "alice", "exp": 1}, KEY, algorithm="HS256")
    log.info("issued %s", signed)  # expect: FL403
    log.debug("fresh: %s", create_access_token(identity="bob"))  # expect: FL403
    return {"token": signed}


def get_user_from_token(token):
    return {"name": token[:4]}


def generate_auth_token(user):
    return jwt.encode({"sub": user, "exp": 1}, KEY, algorithm="HS256")


def get_user_of_user_token(user_token):
    return {"known": "dave"}.get(user_token)


@app.get("/whoami")
def whoami():
    # CKAN's API token lookup: the user a token names, and a 10-character prefix of the token.
    apitoken = request.args.get("api_token", "")
    user = get_user_from_token(apitoken)
    log.debug("Received API Token: %s[...]. Identified user: %s", apitoken[:10], user)
    fresh = generate_auth_token("carol")
    log.debug("new token %s", fresh)  # expect: FL403
    # specter-desktop's websocket registry: the user a token belongs to, not a token.
    owner = get_user_of_user_token(apitoken)
    log.info("websocket of %s registered", owner)
    return {"user": user}


def generate_random_token(length):
    return "".join(random.choice(string.ascii_letters) for _ in range(length))


def start_scan():
    # Trap: an identifier made of random characters (Nettacker's scan id) opens nothing.
    scan_id = generate_random_token(32)
    log.info("ScanID: {0}".format(scan_id))
    session_token = generate_random_token(32)
    log.info("session %s", session_token)  # expect: FL403
    return scan_id


# --- refused tokens --------------------------------------------------------------------------


def validate(token):
    try:
        return jwt.decode(token, KEY, algorithms=["HS256"], audience="api", issuer="me")
    except jwt.ExpiredSignatureError:
        # An expired token is refused for good: logging it gives nobody a working credential.
        log.warning("expired token %s", token)
    except (jwt.InvalidSignatureError, jwt.DecodeError):
        log.warning("forged token %s", token)
    except jwt.InvalidAudienceError:
        # A token for another audience still works there.
        log.warning("token for another service %s", token)  # expect: FL403
    except Exception:
        log.exception("could not check token %s", token)  # expect: FL403
    return None


def refresh_or_refuse(refresh_token, fresh_token):
    try:
        claims = jwt.decode(refresh_token, KEY, algorithms=["HS256"], audience="api", issuer="me")
    except jwt.ExpiredSignatureError:
        # The refused token is silent; the valid one beside it is not.
        log.warning("expired %s, current %s", refresh_token, fresh_token)  # expect: FL403
        return None
    return claims


def header_refused():
    auth = request.headers.get("Authorization", "")
    raw = auth.split(" ")[1]
    try:
        return jwt.decode(raw, KEY, algorithms=["HS256"], audience="api", issuer="me")
    except jwt.InvalidTokenError:
        log.info("refused %s from header %s (%s)", raw, auth, request.headers.get("Authorization"))
        log.info("all headers %s", request.headers)  # expect: FL403
    return None


# --- a token object's properties -------------------------------------------------------------
# privacyIDEA's hardware tokens and Mailu's app tokens are database rows: their serial, id and
# owner are what an audit log should hold; the secret is an attribute nobody logs.
def authenticate_with_token(user, serial):
    token = get_token_by_serial(serial)
    if not token.is_active():
        log.debug(f"Authentication attempted with disabled token {token.get_serial()}")
        return False
    log.info("login for %s: success: token-%s: %r", user, token.id, token.comment)
    log.info("token owner %s", token.user)
    log.info(f"OTP value for token {token.token.serial} (type: {token.type})")
    log.info("serial %s, counter %s", self_token_holder.token.serial, self_token_holder.token.count)
    log.info("encoded %s", token.decode("utf-8"))  # expect: FL403
    log.info("value %s", token.value)  # expect: FL403
    return True


@app.get("/confirm")
def confirm_address():
    auth = request.headers.get("Authorization", "")
    claims = auth.split(" ")[1]
    token_mail = claims["mail"]
    log.error("token for address %s", token_mail)
    log.error("raw %s", claims)  # expect: FL403


# --- command-line output ---------------------------------------------------------------------
# A command's `print` is the output its operator asked for (privacyIDEA's token janitor lists
# tokens on the terminal); what it logs still goes to the logs.
import click


@click.command()
@click.option("--user", default="admin")
def issue_token(user):
    token = create_access_token(identity=user)
    print(token)
    log.info("issued %s", token)  # expect: FL403


@app.cli.command("show-token")
def show_token():
    token = create_access_token(identity="ops")
    print("token:", token)


# A Flask-Script style command class: `run` prints for its operator.
class Command:
    pass


class GetAuthToken(Command):
    def run(self, user):
        token = create_access_token(identity=user)
        print("Generated token:", token)

    def audit(self, user):
        token = create_access_token(identity=user)
        log.info("token for %s: %s", user, token)  # expect: FL403


class TokenReport:
    def run(self, user):
        token = create_access_token(identity=user)
        print("token:", token)  # expect: FL403


# A console script's entry point reading its own command line (OpenTAXII's
# `opentaxii-create-account`): it prints the new token for the operator who ran it.
def create_account(argv=None):
    import argparse

    parser = argparse.ArgumentParser(description="Create an account")
    parser.add_argument("-u", "--username", required=True)
    args = parser.parse_args(argv)
    token = create_access_token(identity=args.username)
    print("token: {}".format(token))
    log.info("created %s with %s", args.username, token)  # expect: FL403


# --- token in another sense ------------------------------------------------------------------
def poll_feed(client):
    last_poll_token = client.poll()["pollToken"]
    log.info("polled up to %s", last_poll_token)


def check_api_token(lookup, token):
    try:
        return lookup(token)
    except Exception as e_api_token:
        log.warning("api token lookup failed: %s", e_api_token)


def resync(counter_token, presented):
    # LinOTP's TOTP resync: `counter_token` is the token's counter, shown as a number (`%i`).
    log.warning("current token counter: %i, presented counter: %i", counter_token, presented)
    return presented


def check_reset_token(store, token):
    # A token the store does not hold, or holds expired, is refused (superdesk): logging it
    # there gives nobody anything; logging it once it passed does.
    reset_request = store.find_one(req=None, token=token)
    if not reset_request or reset_request["expire_time"] < 0:
        log.warning("Invalid token received: %s" % token)
        raise PermissionError("Invalid token received")
    log.info("reset with %s", token)  # expect: FL403
    return reset_request


USER_HEADER = os.getenv("USERID_HEADER", "kubeflow-userid")


def get_username():
    # One header, named by a setting: the user name a gateway sets, not a credential.
    user = request.headers[USER_HEADER]
    username = user.replace("accounts.google.com:", "")
    log.debug("User: '%s'", username)
    return username
