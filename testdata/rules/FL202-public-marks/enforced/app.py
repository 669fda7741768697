"""The same marks, with the hook that enforces them: nothing to report."""
from flask import Flask, jsonify, redirect, request, url_for
from flask_login import LoginManager, current_user

app = Flask(__name__)
login_manager = LoginManager(app)


def public_route(view):
    view.is_public = True
    return view


@app.before_request
def require_login():
    view = app.view_functions.get(request.endpoint)
    if not getattr(view, "is_public", False) and not current_user.is_authenticated:
        return redirect(url_for("login"))


@app.route("/login")
@public_route
def login():
    return "login page"


@app.route("/settings/save_config", methods=["POST"])
def save_config():
    with open("config.ini", "w") as config_file:
        config_file.write(request.form["config"])
    return jsonify(ok=True)
