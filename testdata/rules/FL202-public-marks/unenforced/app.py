"""DashMachine: the login and register views are marked `@public_route`, meaning every other
view to need a login, and nothing enforces it."""
from flask import Flask, jsonify, request
from flask_login import LoginManager, login_user

app = Flask(__name__)
login_manager = LoginManager(app)


def public_route(view):
    view.is_public = True
    return view


@public_route
@app.route("/login", methods=["GET"])
def login():
    return "login page"


@app.route("/check_login", methods=["POST"])
@public_route
def check_login():
    login_user(find_user(request.form["name"]))
    return jsonify(ok=True)


@app.route("/settings/save_config", methods=["POST"])
def save_config():  # expect: FL202
    with open("config.ini", "w") as config_file:
        config_file.write(request.form["config"])
    return jsonify(ok=True)


@app.route("/about")
def about():
    return "about"


def find_user(name):
    return name
