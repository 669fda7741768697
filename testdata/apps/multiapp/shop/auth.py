from functools import wraps

import jwt
from flask import abort, current_app, request


def token_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            claims = jwt.decode(
                token,
                current_app.config["SHOP_TOKEN_KEY"],
                algorithms=["HS256"],
                audience="shop",
                issuer="shop",
            )
        except jwt.InvalidTokenError:
            abort(401)
        return view(claims["sub"], *args, **kwargs)

    return wrapper
