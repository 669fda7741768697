from flask import Flask
from flask_jwt_extended import JWTManager

from .extensions import db
from .views import bp
from .api import blp


def create_app():
    app = Flask(__name__)
    app.config.from_prefixed_env()
    app.config["JWT_DECODE_AUDIENCE"] = "notes-api"
    app.config["JWT_ENCODE_AUDIENCE"] = "notes-api"
    db.init_app(app)
    JWTManager(app)
    app.register_blueprint(bp)
    app.register_blueprint(blp)
    return app
