import os

from flask import Flask
from flask_login import LoginManager

from config import config_options

login_manager = LoginManager()


def create_app(config_name):
    app = Flask(__name__)
    app.config.from_object(config_options[config_name])
    login_manager.init_app(app)
    return app


app = create_app(os.environ.get("APP_ENV", "production"))
