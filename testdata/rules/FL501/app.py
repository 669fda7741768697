import jwt
from flask import Flask

app = Flask(__name__)
SECRET_KEY = __import__("os").environ["SECRET_KEY"]


def verify(token):
    return jwt.decode(
        token,
        SECRET_KEY,
        algorithms=["HS256"],
        audience="api",
        issuer="https://auth.example.com",
    )
