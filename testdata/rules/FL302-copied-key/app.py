"""ONS response-operations-ui keeps its session key under its own name and copies it into
`app.secret_key` in the factory: the setting it copies signs sessions and reset tokens."""
from flask import Flask
from flask_login import LoginManager

login_manager = LoginManager()


def create_app():
    app = Flask(__name__)
    app.config.from_object("config.Config")
    app.secret_key = app.config["OPERATIONS_UI_SECRET"]
    login_manager.init_app(app)
    return app
