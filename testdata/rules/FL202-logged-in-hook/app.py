"""A `before_request` hook whose refusals all concern callers who are logged in (SystemGuard's
password-expiry redirect) leaves an anonymous caller's way open: the routes it covers are judged
like any other. Traps: a view class whose `decorators` add to an inherited list (jazzband's
`UploadLeadsActionView.decorators + [templated()]`), and a handler that answers 401 when the
session its form names is unknown (ListenBrainz's Audioscrobbler 1.2 endpoints)."""
from datetime import datetime, timedelta

from flask import Flask, flash, redirect, request, url_for
from flask.views import MethodView
from flask_login import LoginManager, current_user, login_required

app = Flask(__name__)
login_manager = LoginManager(app)
TARGETS = []
SESSIONS = {}


@app.before_request
def check_password_expiry():
    if request.endpoint in ["login", "change_password", "static"]:
        return
    if current_user.is_authenticated:
        if current_user.password_changed < datetime.now() - timedelta(days=60):
            flash("Your password has expired.")
            return redirect(url_for("change_password"))


@app.route("/targets", methods=["POST"])
def add_target():  # expect: FL202
    TARGETS.append(request.form["target"])
    return redirect(url_for("targets"))


@app.route("/targets")
@login_required
def targets():
    return {"targets": TARGETS}


@app.route("/change_password", methods=["GET", "POST"])
@login_required
def change_password():
    return {"ok": True}


def templated(view):
    return view


class TargetActionView(MethodView):
    decorators = [login_required]


class TargetLeadsView(TargetActionView):
    decorators = TargetActionView.decorators + [templated]

    def post(self, index):
        TARGETS.remove(TARGETS[index])
        return redirect(url_for("targets"))


app.add_url_rule("/targets/<int:index>/delete", view_func=TargetLeadsView.as_view("delete_target"))


@app.route("/protocol_1.2", methods=["POST"])
def submit_listens():
    try:
        session = SESSIONS[request.form.get("s", "")]
    except KeyError:
        return "BADSESSION\n", 401
    TARGETS.append((session, request.form["a[0]"]))
    return "OK\n"
