import jwt
from flask import current_app


def read_token(token):
    return jwt.decode(token, current_app.config["ACCOUNTS_JWT_SECRET_KEY"], algorithms=["HS256"], audience="weko", issuer="https://weko.example")
