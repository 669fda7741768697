from functools import wraps

from flask import abort, g, request


def requires_auth(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        auth = request.authorization
        if not auth or auth.password != "from-settings":
            abort(401)
        return f(*args, **kwargs)

    return decorated


def user_needed(f):
    # The login session a `before_request` hook loads into `g.session`.
    @wraps(f)
    def decorated(*args, **kwargs):
        if not g.session:
            abort(403)
        return f(*args, **kwargs)

    return decorated
