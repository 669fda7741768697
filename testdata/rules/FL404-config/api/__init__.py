import os

from flask import Flask
from flask_login import LoginManager
from flask_cors import CORS

cors = CORS()


def create_app():
    app = Flask(__name__)
    app.config.from_object("api.settings.Config")
    # Trap: the origins come from the configuration, which lists them.
    CORS(app, supports_credentials=True, resources={r"/api/*": {"origins": os.environ["FRONTEND"]}})
    cors.init_app(app)
    return app


def create_public_app():
    app = Flask(__name__)
    # An explicit wildcard overrides the configured list; credentials still come from the config.
    CORS(app, origins="*")  # expect: FL404
    return app
