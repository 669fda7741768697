"""spiff-arena's shape: the factory hands `app.before_request` a hook imported from a
controller, which verifies the caller's token and then asks an authorization service whether
the caller may use this path (the service raises otherwise): that is the routes' permission
check, so an id in their URLs is not reported."""
from flask import Flask

from workflow.authentication import omni_auth
from workflow.users import users


def create_app():
    app = Flask(__name__)
    app.register_blueprint(users)
    app.before_request(omni_auth)
    return app
