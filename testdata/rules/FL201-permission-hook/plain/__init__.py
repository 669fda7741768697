"""The same application with a hook that only verifies the token: any caller deletes any
account."""
from flask import Flask

from plain.authentication import verify_token
from plain.users import users


def create_app():
    app = Flask(__name__)
    app.register_blueprint(users)
    app.before_request(verify_token)
    return app
