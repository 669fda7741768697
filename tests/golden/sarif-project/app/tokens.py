"""Token helpers: the project signs with HS256, so FL101's fix can name it."""
import os

import jwt

SECRET_KEY = os.environ["SECRET_KEY"]


def issue(user_id):
    return jwt.encode({"sub": user_id, "exp": 1}, SECRET_KEY, algorithm="HS256")


def read(token):
    # Two identical flagged lines: their fingerprints differ only by occurrence.
    claims = jwt.decode(token, SECRET_KEY, audience="api", issuer="auth")
    claims = jwt.decode(token, SECRET_KEY, audience="api", issuer="auth")
    return claims


def peek(token):
    label = "jeton é"; claims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"verify_signature": False})
    return label, claims


def audience_only(token):
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
