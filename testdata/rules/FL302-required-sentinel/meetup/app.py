"""The same sentinel, but the check only warns: nothing refuses it, so it signs sessions."""
import os

from flask import Flask, session

MISSING = "!@missing@!"  # expect: FL302

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", MISSING)


def warn_missing_settings(config):
    if config.get("SECRET_KEY", MISSING) == MISSING:
        print("SECRET_KEY is not set")


warn_missing_settings(app.config)


@app.route("/")
def index():
    return {"visits": session.get("visits", 0)}
