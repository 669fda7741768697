"""Login checks in shapes seen on real apps: a positive test with the refusal in `else`
(wikilabels), a user type `not in` / `!=` a list of roles (newsroom's `account_manager_only`),
`not current_user.is_active()` from an old Flask-Login imported as `flask.ext.login`
(pyspider, sleepy-puppy). Each authenticates; a decorator that only reads the session does not."""
import hmac
from functools import wraps

from flask import abort, current_app, jsonify, redirect, session
from flask.ext import login
from flask.ext.login import login_required  # noqa: F401  (re-exported for the views)


def forbidden(message=None):
    return jsonify(error=message or "This request requires authentication."), 403


def authenticated(f):
    @wraps(f)
    def wrapped_f(*args, **kwargs):
        if "user" in session:
            return f(*args, **kwargs)
        else:
            return forbidden()

    return wrapped_f


def account_manager_only(f):
    @wraps(f)
    def decorated_function(*args, **kwargs):
        if session.get("user_type") not in ["administrator", "account_management"]:
            return abort(403)
        return f(*args, **kwargs)

    return decorated_function


def administrator_only(f):
    @wraps(f)
    def decorated_function(*args, **kwargs):
        if session.get("user_type") != "administrator":
            return abort(403)
        return f(*args, **kwargs)

    return decorated_function


def active_only(f):
    @wraps(f)
    def decorated_function(*args, **kwargs):
        if not login.current_user.is_active():
            return abort(401)
        return f(*args, **kwargs)

    return decorated_function


def remembers_visitor(f):
    # Trap: reads the session and lets everyone through.
    @wraps(f)
    def decorated_function(*args, **kwargs):
        session.setdefault("visits", 0)
        return f(*args, **kwargs)

    return decorated_function


def signature_matches(request):
    """newsroom's push webhook: an HMAC of the body in `X-Superdesk-Signature`."""
    mac = hmac.new(current_app.config["PUSH_KEY"], request.get_data(), "sha1")
    return hmac.compare_digest(
        request.headers.get("x-superdesk-signature", ""), "sha1=%s" % mac.hexdigest()
    )


def assert_signature(request):
    if not signature_matches(request):
        abort(403)


def session_required(f):
    # vuln-scanner-flask: whatever the session key is called, a redirect to the login page for
    # its absence says it is the login.
    @wraps(f)
    def wrapper(*args, **kwargs):
        if not session.get("session"):
            return redirect("/login", 307)
        return f(*args, **kwargs)

    return wrapper
