"""ndk-dashboard's runner: debug mode follows a comparison with a variable whose fallback makes
it true, and the start scripts never set the variable, so every deployment serves the debugger."""

import os

from flask import Flask

app = Flask(__name__)


class Config:
    FLASK_ENV = os.environ.get("FLASK_ENV", "development")
    # `app.run()` below takes debug mode from here; unset, "true" == "true".
    DEBUG = os.getenv("FLASK_DEBUG", "True").lower() == "true"  # expect: FL304(high)


class StrictConfig:
    # Traps: the fallback turns the switch off, or there is none.
    DEBUG = os.getenv("FLASK_DEBUG", "false").lower() in ("1", "true", "yes")
    TESTING = os.environ.get("TESTING") == "1"


app.config.from_object(Config)


def serve():
    app.run(host="0.0.0.0", port=8080)


def serve_by_environment():
    app.run(host="0.0.0.0", debug=(Config.FLASK_ENV == "development"))  # expect: FL304(high)


def serve_by_boolean_fallback():
    app.run(host="0.0.0.0", debug=os.getenv("DEBUG", True))  # expect: FL304(high)


# Traps below: these must stay silent.


def serve_in_production_unless_told():
    app.run(host="0.0.0.0", debug=os.environ.get("FLASK_ENV", "production") == "development")


def serve_when_not_production():
    # Unset, "production" != "production" is false.
    app.run(host="0.0.0.0", debug=os.environ.get("APP_ENV", "production") != "production")


def serve_without_fallback():
    app.run(host="0.0.0.0", debug=os.environ.get("FLASK_ENV") == "development")


def serve_locally():
    app.run(debug=os.environ.get("FLASK_ENV", "development") == "development")  # expect: FL304(low)
