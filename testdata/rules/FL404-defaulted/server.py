import os

from flask import Blueprint, Flask, session
from flask_cors import CORS

bp = Blueprint("api", __name__)


@bp.get("/me")
def me():
    return {"user": session.get("user")}


def configure(config):
    app = Flask(__name__)
    # Every deployment that does not set `cors_allowed` answers any origin with credentials.
    CORS(bp, origins=config["wsgi"].get("cors_allowed", "*"), supports_credentials=True)  # expect: FL404(high)
    app.register_blueprint(bp)
    return app


def configure_from_environment():
    app = Flask(__name__)
    CORS(app, origins=os.environ.get("CORS_ORIGINS", "*"), supports_credentials=True)  # expect: FL404(high)
    return app


def configure_split_fallback():
    app = Flask(__name__)
    # The fallback after `or`, split into a list: still `*` wherever the variable is unset.
    allowed = os.getenv("API_ALLOWED_ORIGINS") or "*"
    allowed_list = [origin.strip() for origin in allowed.split(",")]
    CORS(app, resources={r"/api/*": {"supports_credentials": True, "origins": allowed_list}})  # expect: FL404(high)
    return app


def configure_split_default():
    app = Flask(__name__)
    origins = os.environ.get("CORS_ORIGINS", "*")
    CORS(app, origins=origins.split(","), supports_credentials=True)  # expect: FL404(high)
    return app


# Traps below: these must stay silent.


def configure_split_listed_fallback():
    app = Flask(__name__)
    allowed = os.getenv("API_ALLOWED_ORIGINS") or "https://app.example.com"
    CORS(app, resources={r"/api/*": {"supports_credentials": True, "origins": allowed.split(",")}})
    return app


def configure_split_without_default():
    app = Flask(__name__)
    origins = os.environ.get("CORS_ORIGINS", "")
    CORS(app, origins=origins.split(","), supports_credentials=True)
    return app


def configure_listed_default(config):
    app = Flask(__name__)
    # The default names an origin: a deployment that forgets the key stays closed.
    CORS(app, origins=config.get("cors_allowed", "https://app.example.com"), supports_credentials=True)
    return app


def configure_without_default():
    app = Flask(__name__)
    CORS(app, origins=os.environ.get("CORS_ORIGINS"), supports_credentials=True)
    return app


def configure_without_credentials(config):
    app = Flask(__name__)
    # A wildcard without credentials is a public API.
    CORS(app, origins=config.get("cors_allowed", "*"))
    return app
