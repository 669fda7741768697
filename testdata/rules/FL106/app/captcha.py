"""Tokens that carry their own expiry under another name than `exp` (arXiv's stateless captcha):
read back and compared with the clock after the decode, they expire; never read, they do not."""
from datetime import datetime, timedelta, timezone

import jwt
from flask import Blueprint, current_app, request

bp = Blueprint("captcha", __name__)


@bp.get("/captcha")
def new_captcha():
    claims = {
        "value": "x7k2",
        "expires": (datetime.now(tz=timezone.utc) + timedelta(seconds=300)).isoformat(),
    }
    return {"token": jwt.encode(claims, current_app.config["SECRET_KEY"])}


@bp.post("/captcha")
def check_captcha():
    claims = jwt.decode(request.json["token"], current_app.config["SECRET_KEY"], algorithms=["HS256"])  # expect: FL105(low)
    if datetime.fromisoformat(claims["expires"]) <= datetime.now(tz=timezone.utc):
        return {"error": "expired"}, 400
    return {"ok": claims["value"] == request.json["answer"]}


@bp.get("/invite")
def new_invite():
    # `valid_until` is written and never compared with anything: the token does not expire.
    payload = {"team": request.args["team"], "valid_until": "2030-01-01"}
    return {"token": jwt.encode(payload, current_app.config["SECRET_KEY"])}  # expect: FL106
