"""Trap: wizarr's shape: the base settings turn the API on, the factory turns it off again
before `init_app`."""
from flask import Flask
from flask_apscheduler import APScheduler


class BaseConfig:
    SCHEDULER_API_ENABLED = True


def create_app():
    app = Flask(__name__)
    app.config.from_object(BaseConfig)
    app.config["SCHEDULER_API_ENABLED"] = False
    APScheduler().init_app(app)
    return app
