import jwt
from flask import Flask, current_app

from tokens.models import Token

app = Flask(__name__)
app.config.from_object("tokens.config")


def decode_resource_token(token):
    header = jwt.get_unverified_header(token)
    access_token = Token.query.get(int(header["kid"]))
    return jwt.decode(
        token,
        key=access_token.secret,
        algorithms=current_app.config.get(
            "RESOURCE_ACCESS_TOKENS_ALGORITHMS", ["HS256", "HS384", "HS512"]
        ),
        audience="resources",
        issuer="https://example.org",
    )
