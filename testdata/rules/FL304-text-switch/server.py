"""A server whose debug switch is read from the environment as text."""

import configparser
import os

from flask import Flask

app = Flask(__name__)


class Config:
    # Flask's `app.run()` below takes debug mode from this setting, and the text "0" is true.
    DEBUG = os.getenv("FLASK_DEBUG", "0")  # expect: FL304(high)


class StrictConfig:
    # Traps: converted, or falling back to an empty text or a boolean.
    DEBUG = os.getenv("FLASK_DEBUG", "0") == "1"
    TESTING = os.getenv("TESTING", "False")


app.config.from_object(Config)


def serve():
    app.run(host="0.0.0.0", port=8080)


def serve_with_switch():
    # Unset, the text "False" turns the debugger on.
    app.run(host="0.0.0.0", debug=os.getenv("DEBUG", "False"))  # expect: FL304(high)


# Traps below: these must stay silent.


def serve_converted():
    app.run(host="0.0.0.0", debug=os.getenv("DEBUG", "False").lower() in ("1", "true"))


def serve_false_default():
    app.run(host="0.0.0.0", debug=os.getenv("DEBUG", False))


def serve_empty_default():
    app.run(host="0.0.0.0", debug=os.environ.get("DEBUG", ""))


def serve_without_default():
    app.run(host="0.0.0.0", debug=os.environ.get("DEBUG"))


def serve_from_ini():
    parser = configparser.ConfigParser()
    parser.read("server.ini")
    app.run(host="0.0.0.0", debug=parser.getboolean("server", "debug"))
