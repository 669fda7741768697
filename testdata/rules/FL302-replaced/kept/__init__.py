import os

from flask import Flask, session

from .settings import Config


def make_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.urandom(24).hex()
    app.config.from_object(Config)
    return app


@make_app().route("/cart")
def cart():
    return {"items": session.get("items", [])}
