"""notifications-python-client's shape: each request carries a token of `iss` and `iat` only,
and the receiving side refuses one issued more than 30 seconds ago (`if now > iat + BOUND`):
the token expires by the project's own check, not by `exp`."""
import time

import jwt

BOUND = 30


def create_jwt_token(secret, client_id):
    return jwt.encode({"iss": client_id, "iat": int(time.time())}, secret, algorithm="HS256")


def validate_jwt_token(decoded_token):
    iat = int(decoded_token["iat"])
    now = int(time.time())
    if now > iat + BOUND:
        raise ValueError("Token has expired")
    return True
