"""FL104 fixture: allow-lists that mix HMAC and asymmetric algorithms."""
from flask import Flask

from .settings import ACCEPTED_ALGORITHMS as LEGACY_ALGORITHMS  # re-exported for the old blueprints


def create_app():
    app = Flask(__name__)
    app.config.from_pyfile("settings.py")

    from .auth import bp

    app.register_blueprint(bp)
    return app
