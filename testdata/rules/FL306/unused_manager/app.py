"""FL306 low: a `JWTManager` left from a template while the routes verify identity-provider
tokens with python-jose (after flask-rest-ALM-admin): nothing asks the manager to verify a
token, so it accepts none. (`current_user` is imported and never used.)"""
import os
from functools import wraps

from flask import Flask, abort, g, request
from flask_jwt_extended import JWTManager, current_user  # noqa: F401
from jose import jwt

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)
IDP_PUBLIC_KEY = os.environ["IDP_PUBLIC_KEY"]


def requires_auth(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            abort(401)
        g.claims = jwt.decode(
            header.removeprefix("Bearer "),
            IDP_PUBLIC_KEY,
            algorithms=["RS256"],
            audience="https://api.example.com",
            issuer="https://idp.example.com/",
        )
        return view(*args, **kwargs)

    return wrapper


@app.get("/feeds")
@requires_auth
def feeds():
    return {"owner": g.claims["sub"]}
