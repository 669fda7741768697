from functools import wraps

from flask import abort, g, request

from shelf.login import login_required


class PicoException(Exception):
    def __init__(self, message, status_code=500):
        super().__init__(message)
        self.status_code = status_code


def user_login_required(func):
    """Delegates to `login_required` when the request is called, not when it is decorated."""

    @wraps(func)
    def decorated_view(*args, **kwargs):
        user = request.environ.get("REMOTE_USER_OBJECT")
        if user:
            g.user = user
            return func(*args, **kwargs)
        return login_required(func)(*args, **kwargs)

    return decorated_view


def requires_device_token(f):
    """Looks the token up; 401 when it matches nobody."""

    @wraps(f)
    def inner(*args, **kwargs):
        auth_token = request.view_args.get("auth_token")
        if auth_token is not None and auth_token in DEVICE_TOKENS:
            return f(*args, **kwargs)
        return abort(401)

    return inner


def is_logged_in():
    return "uid" in request.cookies


def require_login(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        if not is_logged_in():
            raise PicoException("You must be logged in", 401)
        return f(*args, **kwargs)

    return wrapper


def require_admin(f):
    """Refuses anonymous callers through `@require_login` on its wrapper, then checks a role."""

    @require_login
    @wraps(f)
    def wrapper(*args, **kwargs):
        if not g.user.get("admin", False):
            raise PicoException("You do not have permission", 403)
        return f(*args, **kwargs)

    return wrapper


def log_requests(f):
    """Counts requests and refuses nobody: no authentication (a trap)."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        g.requests = g.get("requests", 0) + 1
        return f(*args, **kwargs)

    return wrapper


DEVICE_TOKENS = {}
