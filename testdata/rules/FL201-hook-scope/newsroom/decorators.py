from functools import wraps

from flask import flash, redirect, url_for

from newsroom.sessions import session


def admin_required(func):
    """Redirects (no 403) unless the logged-in journalist is an admin: still a role check."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        if session.logged_in() and session.get_user().is_admin:
            return func(*args, **kwargs)
        flash("Only admins can access this page.")
        return redirect(url_for("main.index"))

    return wrapper
