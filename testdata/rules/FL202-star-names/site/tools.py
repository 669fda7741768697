import functools

from flask import Response, request


def check_auth(username, password):
    return username == "admin" and password == "secret"


def requires_auth(view):
    @functools.wraps(view)
    def decorated(*args, **kwargs):
        auth = request.authorization
        if not auth or not check_auth(auth.username, auth.password):
            return Response("Login required", 401, {"WWW-Authenticate": "Basic"})
        return view(*args, **kwargs)

    return decorated


def auth_desired(view):
    """For views that change when someone is logged in (ruqqus): the caller may be anonymous."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization")
        kwargs["signed_in"] = bool(token)
        return view(*args, **kwargs)

    return wrapper
