# Test code builds its own managers for fixtures: never reported.
from flask import Flask
from flask_jwt_extended import JWTManager


def make_app():
    app = Flask(__name__)
    JWTManager(app)
    return app
