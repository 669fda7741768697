import os

import jwt


def authenticate(headers):
    try:
        jwt.decode(headers["Authorization"], os.environ["JWT_SECRET"], algorithms=["HS256"], audience="messages", issuer="ops")
    except (KeyError, jwt.InvalidTokenError):
        return {"status": "error"}
    return {"status": "ok"}
