"""FL306 low: the manager in the factory, the minting in another module of the same app."""
import os

from flask import Flask
from flask_jwt_extended import JWTManager

jwt = JWTManager()


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    jwt.init_app(app)

    from .auth import bp

    app.register_blueprint(bp)
    return app
