from functools import wraps

from flask import current_app as app
from flask import request


def blueprint_auth(resource=None):
    """Eve's authentication on a Flask blueprint (superdesk's `blueprint_auth`)."""

    def fdec(f):
        @wraps(f)
        def decorated(*args, **kwargs):
            auth = app.auth
            if not auth.authorized([], resource or "_blueprint", request.method):
                return auth.authenticate()
            return f(*args, **kwargs)

        return decorated

    return fdec
