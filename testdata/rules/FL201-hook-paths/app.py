"""A hook that lets some paths through by testing `request.path` (archivy's `check_perms`):
it authenticates every route except those, and the exempted ones are public."""
import os

from flask import Flask, redirect, request, url_for
from flask_login import LoginManager, current_user, login_user

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
login_manager = LoginManager(app)
NOTES = {}


@app.before_request
def check_perms():
    allowed_path = (
        request.path.startswith("/login")
        or request.path.startswith("/static")
        or request.path.startswith("/api/login")
    )
    if not current_user.is_authenticated and not allowed_path:
        return redirect(url_for("login", next=request.path))
    return


@app.route("/login", methods=["GET", "POST"])
def login():
    login_user(request.form["username"])
    return redirect("/")


@app.post("/api/login")
def api_login():
    login_user(request.json["username"])
    return {"ok": True}


# Let through by `allowed_path`: a public avatar, not an authenticated route.
@app.get("/static/users/<user_id>/avatar")
def avatar(user_id):
    return NOTES.get(user_id, "")


# Authenticated by the hook: any logged-in user deletes anyone's notes.
@app.delete("/users/<user_id>/notes")
def delete_notes(user_id):  # expect: FL201
    NOTES.pop(user_id, None)
    return "", 204
