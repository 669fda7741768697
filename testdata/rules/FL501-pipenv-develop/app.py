"""A service that verifies with PyJWT; python-jose is in the lock's `develop` section only,
for the test library that needs it (ONS eq-survey-runner): low."""
import os

import jwt
from flask import Flask

app = Flask(__name__)


def verify(token):
    return jwt.decode(
        token,
        os.environ["JWT_SECRET"],
        algorithms=["HS256"],
        audience="api",
        issuer="https://auth.example.com",
    )
