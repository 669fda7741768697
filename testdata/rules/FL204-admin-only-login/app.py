"""SweIoTServices' tool console: its only login refuses every account whose `role_id` is not the
administrator's before it stores the login in the session, so each logged-in caller is an
administrator and the console's `/administrator/...` routes need no check of their own."""
from functools import wraps

from flask import Flask, flash, redirect, request, session
from werkzeug.security import check_password_hash

from store import delete_table, find_user

app = Flask(__name__)
app.secret_key = __import__("os").environ["SECRET_KEY"]


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if "user_id" not in session:
            return redirect("/login")
        return view(*args, **kwargs)

    return wrapper


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = find_user(request.form["user"])
        if user is None or not check_password_hash(user.password, request.form["password"]):
            flash("Invalid username or password")
            return redirect("/login")
        if user.role_id != 0:
            flash("Access denied")
            return redirect("/login")
        session["user_id"] = user.id
        return redirect("/administrator/tables")
    return "form"


@app.post("/administrator/tables/<name>/delete")
@login_required
def admin_delete_table(name):
    delete_table(name)
    return redirect("/administrator/tables")
