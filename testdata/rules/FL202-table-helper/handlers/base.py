from functools import wraps

from flask import abort, request
from flask.views import MethodView

import jwt


def check_token(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            jwt.decode(
                request.headers["Authorization"],
                "k" * 40,
                algorithms=["HS256"],
                audience="api",
                issuer="auth",
            )
        except jwt.InvalidTokenError:
            abort(401)
        return func(*args, **kwargs)

    return wrapper


class Handler(MethodView):
    """The base of every handler."""
