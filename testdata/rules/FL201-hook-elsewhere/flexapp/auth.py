from flask import request
from flask_login import LoginManager, current_app, current_user, login_user
from flask_restx import Resource

from flexapp import api_app
from flexapp.app import api

login_manager = LoginManager()
login_manager.init_app(api_app)


@api_app.before_request
def check_valid_login():
    # Allow the root, login and the documentation without a session.
    if (
        request.path == "/"
        or request.path.startswith("/auth/login")
        or request.path.startswith("/public")
        or request.method == "OPTIONS"
    ):
        return None

    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    return None


auth_api = api.namespace("auth")


@auth_api.route("/login/")
class LoginAPI(Resource):
    def post(self):
        login_user(request.json["username"])
        return {}
