"""The same sign-up in a marketplace whose code also compares roles with `admin`: a visitor
who picks that role may get what it unlocks once a route checks it."""
from functools import wraps

from flask import Flask, flash, redirect, request, url_for
from flask_login import current_user, login_required

from models import Job, User, db

app = Flask(__name__)


def client_required(view):
    @wraps(view)
    def decorated(*args, **kwargs):
        if not current_user.is_authenticated or not current_user.is_client():
            flash("Clients only")
            return redirect(url_for("register"))
        return view(*args, **kwargs)

    return decorated


@app.route("/register", methods=["GET", "POST"])
def register():  # expect: FL204(medium)
    user = User(email=request.form["email"], role=request.form["role"])
    db.session.add(user)
    db.session.commit()
    return redirect(url_for("jobs"))


@app.route("/jobs", methods=["POST"])
@login_required
@client_required
def jobs():
    db.session.add(Job(client_id=current_user.id, title=request.form["title"]))
    db.session.commit()
    return redirect(url_for("jobs"))
