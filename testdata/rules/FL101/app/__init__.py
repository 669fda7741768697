"""FL101 fixture: decodes that let the token pick its own algorithm."""
from flask import Flask

from .extensions import jwt


def create_app():
    app = Flask(__name__)
    app.config.from_object("app.config")
    jwt.init_app(app)

    from .auth import bp as auth_bp
    from .partners import bp as partners_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(partners_bp)
    return app
