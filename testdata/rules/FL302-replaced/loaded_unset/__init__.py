"""Traps: a class that does not set the key leaves the placeholder in place, and one loaded
before the placeholder is overwritten by it: both still reported."""

from flask import Flask, session

from .config import Config, MailConfig


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(SECRET_KEY="dev")  # expect: FL302(high)
    app.config.from_object(MailConfig)
    return app


def create_other_app():
    app = Flask(__name__)
    app.config.from_object(Config)
    app.config["SECRET_KEY"] = "dev"  # expect: FL302(high)
    return app


@create_app().route("/me")
def me():
    return {"user": session.get("user")}


@create_other_app().route("/you")
def you():
    return {"user": session.get("user")}
