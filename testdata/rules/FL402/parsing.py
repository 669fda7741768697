"""A `try` that only parses what the caller sent: the exception's text is about that input."""
import base64
import re

from flask import jsonify, request
from werkzeug.exceptions import BadRequest


class User:
    @classmethod
    def parse(cls, data):
        return cls()

    @classmethod
    def save(cls, data):
        return cls()


def signup():
    try:
        user = User.parse(request.json)
    except Exception as e:
        # `Missing mandatory value for "login"`: the caller's own JSON. Silent.
        raise BadRequest(str(e))
    return jsonify(user=str(user))


def basic_login():
    auth_header = request.headers.get("Authorization", "")
    m = re.match(r"Basic (\S+)", auth_header)
    credentials = m.group(1) if m else None
    try:
        username, password = base64.b64decode(credentials).decode("utf-8").split(":")
    except Exception as e:
        # `Incorrect padding`: about the caller's own header. Silent.
        return jsonify(errors=[str(e)]), 400
    return jsonify(user=username)


def signup_and_save():
    try:
        user = User.parse(request.json)
        User.save(user)
    except Exception as e:
        # The `try` also stores it: database text may come back. Reported.
        raise BadRequest(str(e))  # expect: FL402(low)
    return jsonify(ok=True)


def save_only():
    try:
        User.save(request.json)
    except Exception as e:
        # Not a parser: it may reach the database. Reported.
        return jsonify(error=str(e)), 500  # expect: FL402(low)
    return jsonify(ok=True)


def parse_stored():
    try:
        User.parse(User.save(None))
    except Exception as e:
        # Parses what the server loaded, not the caller's input. Reported.
        return jsonify(error=str(e)), 500  # expect: FL402(low)
    return jsonify(ok=True)


PARSERS = [signup, basic_login, signup_and_save, save_only, parse_stored]
