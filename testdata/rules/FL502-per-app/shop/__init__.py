"""FL502 once per app: Flask-JWT imported in three modules of one application is one finding, at
the first import (by path), naming the other two."""
from flask import Flask
from flask_jwt import JWT  # expect: FL502

from .security import authenticate, identity


def create_app():
    app = Flask(__name__)
    JWT(app, authenticate, identity)

    from .items import bp

    app.register_blueprint(bp)
    return app
