from functools import wraps
from http import HTTPStatus

from flask import abort
from flask_login import current_user


def admin_required(f):
    """A role check that refuses anonymous callers as well: it authenticates too."""

    @wraps(f)
    def decorated_function(*args, **kwargs):
        if current_user.is_anonymous or not current_user.is_administrator:
            abort(HTTPStatus.FORBIDDEN)
        return f(*args, **kwargs)

    return decorated_function
