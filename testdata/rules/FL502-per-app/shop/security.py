from flask_jwt import current_identity

USERS = {}


def authenticate(username, password):
    return USERS.get(username)


def identity(payload):
    return USERS.get(payload["identity"])


def me():
    return current_identity
