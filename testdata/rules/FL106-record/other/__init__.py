"""Another application of the same tree: the same payload, but this app never checks the record's
expiry, so its tokens never expire."""
import os

import jwt
from flask import Flask, abort, request

from app.models import ApiToken

service = Flask(__name__)
KEY = os.environ["JWT_SECRET"]


def api_token_jwt(api_token):
    return jwt.encode({"token": api_token.token}, KEY, algorithm="HS256")  # expect: FL106


@service.get("/api/things")
def things():
    data = jwt.decode(request.headers["X-Api-Token"], KEY, algorithms=["HS256"], audience="a", issuer="i")
    if ApiToken.query.filter_by(token=data["token"]).first() is None:
        abort(401)
    return []
