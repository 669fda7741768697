from flask import Flask, jsonify, render_template
from flask_login import LoginManager, login_required

from .errors import error_handlers

app = Flask(__name__)
login_manager = LoginManager(app)


def register_error_handlers(app):
    for handler in error_handlers:
        app.register_error_handler(handler["code_or_exception"], handler["func"])


register_error_handlers(app)


@app.route("/")
def index():
    return render_template("index.html")


@app.route("/reports")
@login_required
def reports():
    return jsonify(reports=[])
