"""mlsb-platform's factory: the testing blueprint is registered only when the app runs in
development (`else:` of `if not is_development(app):`), so a deployed application never serves
its open routes: low. The admin blueprint is registered in every mode: its open route stays."""
from flask import Flask
from flask_login import LoginManager

from admin import admin_bp
from testing import testing_bp

login_manager = LoginManager()


def is_development(app) -> bool:
    return app.config["TESTING"] or app.config["DEBUG"]


def create_app():
    app = Flask(__name__)
    login_manager.init_app(app)
    app.register_blueprint(admin_bp)
    if not is_development(app):
        app.config["SESSION_COOKIE_SECURE"] = True
    else:
        app.register_blueprint(testing_bp)
    return app
