"""A copy of the app in another folder is another application: its own finding, naming its own
imports only."""
from flask import Flask
from flask_jwt import JWT  # expect: FL502

from .security import authenticate, identity


def create_app():
    app = Flask(__name__)
    JWT(app, authenticate, identity)

    from .items import bp

    app.register_blueprint(bp)
    return app
