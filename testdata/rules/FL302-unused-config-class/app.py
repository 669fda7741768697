"""safedrive's shape: `config.py` holds a `Config` class no module imports or loads, while the
factory sets its own keys; a same-named `models/config.py` is imported, which says nothing of
the settings module. `prodsettings.py` is named by a dotted string handed to `from_object`,
so its class is loaded."""
import os

from flask import Flask
from flask_jwt_extended import JWTManager
from flask_login import LoginManager

from models import Setting

CONFIG_PATH = "prodsettings.ProductionConfig"


def create_app():
    app = Flask(__name__)
    app.config.from_object(os.environ.get("APP_SETTINGS", CONFIG_PATH))
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
    app.config["JWT_DECODE_AUDIENCE"] = "rides"
    JWTManager(app)
    LoginManager(app)
    app.extensions["settings_model"] = Setting
    return app
