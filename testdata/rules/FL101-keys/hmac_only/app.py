"""FL101 severity by key. This service verifies only with its HMAC secret, under a PyJWT 1.x pin:
a decode without `algorithms=` is a missing allow-list (low), not the critical forgery a
public key would allow, since a forged token still needs the secret."""
import os

import jwt
from flask import Flask

app = Flask(__name__)
app.config["JWT_SECRET"] = os.environ["JWT_SECRET"]


def claims(token):
    return jwt.decode(token, app.config["JWT_SECRET"], audience="api", issuer="orders")  # expect: FL101(low)


def claims_from_header(token):
    # The token names its own algorithm; with only a secret to verify with, still medium.
    alg = jwt.get_unverified_header(token)["alg"]
    return jwt.decode(token, app.config["JWT_SECRET"], algorithms=[alg], audience="api", issuer="orders")  # expect: FL101(low)


def claims_pinned(token):
    return jwt.decode(token, app.config["JWT_SECRET"], algorithms=["HS256"], audience="api", issuer="orders")


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = ["claims", "claims_from_header"]
