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
