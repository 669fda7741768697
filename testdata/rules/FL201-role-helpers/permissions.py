from functools import wraps

from flask import abort
from flask_login import current_user


def resolve_edit_roles(page):
    return ("editor", "admin", page)


def require_any_role(roles):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not any(current_user.has_role(role) for role in roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator
