"""Flask's own tutorial shape: an example holding its own `pyproject.toml` inside the repository
is still one of the repository's examples, its folders read from the repository's top."""
from flask import Flask
from flask_login import LoginManager


def create_app():
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(SECRET_KEY="dev")  # expect: FL302(low)
    app.config.from_pyfile("config.py", silent=True)
    LoginManager(app)
    return app
