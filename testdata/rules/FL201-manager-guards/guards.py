"""Home-Serve-Pro's decorators: one factory, and a decorator per kind of staff that wraps it."""
from functools import wraps

from flask import abort
from flask_jwt_extended import get_jwt


def role_required(*roles):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if get_jwt().get("kind") not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def ops_manager_required(fn):
    from app import User

    return role_required(User.ROLE_OPS_MANAGER, User.ROLE_SUPER_ADMIN)(fn)
