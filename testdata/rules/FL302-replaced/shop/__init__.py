from secrets import token_urlsafe

from flask import Flask, session

from .settings import BaseConfig


def create_app():
    app = Flask(__name__)
    app.config.from_object(BaseConfig)
    app.config["SECRET_KEY"] = token_urlsafe()
    return app


@create_app().route("/me")
def me():
    return {"user": session.get("user")}
