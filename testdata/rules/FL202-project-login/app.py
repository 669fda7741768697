"""Project decorators that refuse callers without a login, in shapes flasklint must follow:
pagure's `login_required` asks a helper named for the login state, reana's `signin_required` is
a decorator factory whose wrapper answers 401."""
import functools
import hmac
import os

import flask
from flask import jsonify, request

app = flask.Flask(__name__)


def authenticated():
    """Whether somebody is logged in."""
    fas_user = None
    try:
        fas_user = flask.g.fas_user
    except (RuntimeError, AttributeError):
        pass
    return fas_user is not None


def login_required(function):
    @functools.wraps(function)
    def decorated_function(*args, **kwargs):
        if flask.session.get("_justloggedout", False):
            return flask.redirect(flask.url_for("index"))
        elif not authenticated():
            return flask.redirect(flask.url_for("auth_login", next=flask.request.url))
        return function(*args, **kwargs)

    return decorated_function


def signin_required(token_required=True):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            user = None
            if "access_token" in request.args:
                user = find_user_by_token(request.args.get("access_token"))
            if not user:
                return jsonify(message="User not signed in"), 401
            if token_required and not user.active_token:
                return jsonify(message="User has no active tokens"), 401
            return func(*args, **kwargs, user=user)

        return wrapper

    return decorator


def find_user_by_token(token):
    return None


@app.route("/repo/<name>/delete", methods=["POST"])
@login_required
def delete_repo(name):
    return "", 204


@app.delete("/workflows/<workflow_id>")
@signin_required()
def delete_workflow(workflow_id, user):
    return "", 204


MANAGEMENT_SECRET = os.environ.get("MANAGEMENT_SECRET", "")


def check_management_secret():
    """reana: the handler returns this helper's 401 when the header does not match."""
    secret = request.headers.get("X-Management-Secret", "")
    if not MANAGEMENT_SECRET or not hmac.compare_digest(secret, MANAGEMENT_SECRET):
        return jsonify(message="Unauthorized"), 401
    return None


@app.delete("/tokens/<token_id>")
def revoke_token(token_id):
    response = check_management_secret()
    if response:
        return response
    return "", 204


@app.delete("/pins/<pin_id>")
def delete_pin(pin_id):  # expect: FL202
    return "", 204
