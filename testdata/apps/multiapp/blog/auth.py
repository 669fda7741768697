from functools import wraps

import jwt
from flask import abort, current_app, g, request


def login_token(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            g.author = jwt.decode(
                token,
                current_app.config["SIGNING_MATERIAL"],
                algorithms=["HS256"],
                audience="blog",
                issuer="blog",
            )["sub"]
        except jwt.InvalidTokenError:
            abort(401)
        return view(g.author, *args, **kwargs)

    return wrapper
