from functools import wraps

import jwt
from flask import current_app, g, jsonify, request
from flask_restful import Resource


def login_required(f):
    @wraps(f)
    def decorated_function(*args, **kwargs):
        if not getattr(f, "authenticated", True):
            return f(*args, **kwargs)
        if not request.headers.get("Authorization"):
            response = jsonify(message="Missing authorization header")
            response.status_code = 401
            return response
        token = request.headers.get("Authorization").split()[1]
        try:
            payload = jwt.decode(token, current_app.config["TOKEN_SECRET"], algorithms=["HS256"])  # expect: FL105(low)
        except jwt.InvalidTokenError:
            return dict(message="Token is invalid"), 403
        g.user = payload["sub"]
        return f(*args, **kwargs)

    return decorated_function


def auth_abandoned(func):
    """cmdb's opt-out: the check above lets a view marked this way through unchecked."""
    setattr(func, "authenticated", False)

    @wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def audited(func):
    """Marks a view for the audit log; the check above never reads this mark."""
    setattr(func, "audited", False)
    return func


class AuthenticatedResource(Resource):
    """Inherited by all resources that need to be protected by authentication."""

    method_decorators = [login_required]
