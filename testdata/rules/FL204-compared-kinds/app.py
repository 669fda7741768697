"""A marketplace whose accounts are clients or freelancers: the sign-up lets the visitor pick
one, and the code compares roles with those two names only (through model methods its
decorators call). Picking a role grants no administrator's power: reported low."""
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
def register():  # expect: FL204(low)
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
