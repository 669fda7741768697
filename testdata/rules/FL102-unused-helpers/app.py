"""A client library bundled into the app (notifications-admin's copy of
notifications-python-client): the first helper below skips the signature, but only two helpers
call it, and nothing in the project calls them: no request runs it, so the finding is low and
says why. The second is called by a function a route runs: it stays critical."""
import jwt
from flask import Flask, request

app = Flask(__name__)


def decode_token(token):
    return jwt.decode(token, options={"verify_signature": False}, algorithms=["HS256"])  # expect: FL102(low)


def get_token_issuer(token):
    return decode_token(token).get("iss")


def decode_jwt_token(token, secret):
    try:
        return jwt.decode(token, key=secret, algorithms=["HS256"], audience="notify", issuer="notify")
    except jwt.InvalidTokenError:
        return decode_token(token)


def peek(token):
    return jwt.decode(token, options={"verify_signature": False}, algorithms=["HS256"])  # expect: FL102(critical)


def whoami(token):
    return peek(token)["sub"]


@app.get("/me")
def me():
    return {"user": whoami(request.headers["Authorization"][7:])}
