from functools import wraps

import jwt
from flask import abort, current_app, request


def token_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization")
        if not token:
            abort(401)
        jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=["HS256"])  # expect: FL105(low)
        return view(*args, **kwargs)

    return wrapper
