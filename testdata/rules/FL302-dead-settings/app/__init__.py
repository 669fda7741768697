from flask import Flask
from flask_login import LoginManager

from config import config

from .settings import DATABASE_NAME, SECRET_KEY

login_manager = LoginManager()


def create_app(config_name="default"):
    app = Flask(__name__)
    app.config.from_object(config[config_name])
    app.config["DATABASE"] = DATABASE_NAME
    login_manager.init_app(app)
    return app
