"""FL105 severity: an app that mints and verifies its own tokens (low), next to decodes of
tokens minted elsewhere (medium)."""
import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["RESET_KEY"] = os.urandom(32)

    from .auth import bp

    app.register_blueprint(bp)
    return app
