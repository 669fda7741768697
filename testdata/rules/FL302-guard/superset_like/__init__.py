"""Superset's pattern: a placeholder default the app refuses to start with outside debug mode.
Reported, at low severity: it signs only development servers."""
import os
import sys

from flask import Flask

from .constants import CHANGE_ME_SECRET_KEY

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("APP_SECRET_KEY") or CHANGE_ME_SECRET_KEY


def check_secret(flask_app):
    if flask_app.config["SECRET_KEY"] == CHANGE_ME_SECRET_KEY:
        if flask_app.debug or flask_app.config["TESTING"]:
            return
        sys.exit("Refusing to start due to insecure SECRET_KEY")


check_secret(app)
