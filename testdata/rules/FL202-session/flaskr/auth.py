import functools

from flask import Blueprint, g, redirect, render_template, request, session, url_for
from flask_login import current_user

bp = Blueprint("auth", __name__, url_prefix="/auth")


def login_required(view):
    # Refuses a request without a logged-in user: authentication.
    @functools.wraps(view)
    def wrapped_view(**kwargs):
        if g.user is None:
            return redirect(url_for("auth.login"))
        return view(**kwargs)

    return wrapped_view


def session_required(view):
    @functools.wraps(view)
    def wrapped_view(**kwargs):
        if "user_id" not in session:
            return {"error": "log in first"}, 401
        return view(**kwargs)

    return wrapped_view


def remembers_user(view):
    # Reads the session but lets everyone through: not authentication.
    @functools.wraps(view)
    def wrapped_view(**kwargs):
        g.user = session.get("user_id")
        return view(**kwargs)

    return wrapped_view


def load_logged_in_user():
    # The tutorial registers this with `@bp.before_app_request`; any app-wide hook makes
    # flasklint treat unauthenticated routes as possibly covered, so this fixture leaves it off.
    g.user = session.get("user_id")


@bp.route("/login", methods=("GET", "POST"))
def login():
    # The positive test sends logged-in users away: not a check on this route's callers.
    if current_user.is_authenticated:
        return redirect(url_for("index"))
    if request.method == "POST":
        session["user_id"] = request.form["username"]
        return redirect(url_for("index"))
    return render_template("auth/login.html")


def confirmed_only(view):
    # Sends logged-in users with an unconfirmed address elsewhere; lets anonymous callers
    # through (flask-base's hook): not authentication.
    @functools.wraps(view)
    def wrapped_view(**kwargs):
        if current_user.is_authenticated and not current_user.confirmed:
            return redirect(url_for("auth.unconfirmed"))
        return view(**kwargs)

    return wrapped_view
