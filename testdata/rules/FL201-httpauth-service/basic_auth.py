from flask import current_app
from flask_httpauth import HTTPBasicAuth

auth = HTTPBasicAuth()
users_auth = HTTPBasicAuth()


@auth.get_password
def get_pw(username):
    # One configured account: the services that call this API.
    config_username = current_app.config["SECURITY_USER_NAME"]
    config_password = current_app.config["SECURITY_USER_PASSWORD"]
    if username == config_username:
        return config_password


@users_auth.get_password
def get_user_password(username):
    # Every user's own password: the caller is a user.
    return USERS.get(username)


USERS = {}
