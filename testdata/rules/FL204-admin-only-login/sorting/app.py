"""A login that only sends each role to its own page after logging the account in refuses
nobody: its admin routes still need a role check."""
import os
from functools import wraps

from flask import Flask, redirect, request, session

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
USERS = {}


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if "user_id" not in session:
            return redirect("/login")
        return view(*args, **kwargs)

    return wrapper


@app.route("/login", methods=["POST"])
def login():
    user = USERS[request.form["user"]]
    session["user_id"] = user.id
    if user.role_id == 0:
        return redirect("/admin/users")
    return redirect("/home")


@app.post("/admin/users/<int:user_id>/delete")
@login_required
def admin_delete_user(user_id):  # expect: FL201, FL204
    USERS.pop(user_id, None)
    return redirect("/admin/users")
