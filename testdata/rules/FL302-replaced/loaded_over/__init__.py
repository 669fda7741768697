"""famOS: the factory sets a placeholder key, then loads a configuration class that sets the key
again (from the environment): Flask copies the class's value over the placeholder, which never
signs anything: low. The string form of `from_object` and a key set through a base class count."""

from flask import Flask, session

from .config import ProductionConfig


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(SECRET_KEY="dev")  # expect: FL302(low)
    app.config.from_object("loaded_over.config.Config")
    return app


def create_production_app():
    app = Flask(__name__)
    app.secret_key = "dev"  # expect: FL302(low)
    app.config.from_object(ProductionConfig)
    return app


@create_app().route("/me")
def me():
    return {"user": session.get("user")}


@create_production_app().route("/you")
def you():
    return {"user": session.get("user")}
