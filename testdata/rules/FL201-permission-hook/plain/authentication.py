import jwt
from flask import abort, current_app, g, request


def verify_token():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    try:
        claims = jwt.decode(
            token, current_app.config["JWT_SECRET"], algorithms=["HS256"], audience="plain", issuer="plain"
        )
    except jwt.InvalidTokenError:
        abort(401)
    g.user = claims["sub"]
