from flask import Flask
from flask_login import LoginManager

from app import app as application


def make_app():
    test_app = Flask(__name__)
    manager = LoginManager(test_app)

    @manager.user_loader
    def load(user_id):
        return TestUser(user_id)

    test_app.register_blueprint(application)
    return test_app


class TestUser:
    def __init__(self, user_id):
        self.id = user_id
