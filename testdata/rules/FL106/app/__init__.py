"""FL106 fixture: tokens that never expire, or whose expiry is never checked."""
from datetime import timedelta

from flask import Flask
from flask_jwt_extended import JWTManager

from . import settings

jwt = JWTManager()


def create_app():
    app = Flask(__name__)
    app.config.from_object(settings)
    app.config["JWT_ACCESS_TOKEN_EXPIRES"] = False  # expect: FL303
    app.config["JWT_REFRESH_TOKEN_EXPIRES"] = timedelta(days=7)
    jwt.init_app(app)

    from .auth import bp as auth_bp
    from .sso import bp as sso_bp
    from .captcha import bp as captcha_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(sso_bp)
    app.register_blueprint(captcha_bp)
    return app
