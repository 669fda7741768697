from flask import Flask, session

from .extensions import cors, public_cors


def create_app():
    app = Flask(__name__)
    # A string is true to flask-cors: credentials from any origin.
    cors.init_app(app, supports_credentials="true", resources={r"*": {"origins": "*"}})  # expect: FL404(high)
    # Listed origins are fine.
    public_cors.init_app(app, supports_credentials=True, origins=["https://app.example.com"])
    return app


def create_app_with_config():
    app = Flask(__name__)
    # Options given to CORS() (or the config) are judged where CORS() is made, once.
    public_cors.init_app(app)
    return app
