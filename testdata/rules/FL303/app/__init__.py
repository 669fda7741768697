"""FL303 fixture: Flask-JWT-Extended settings that weaken every token."""
import datetime
import os

from flask import Flask
from flask_jwt_extended import JWTManager

from .settings import ProductionConfig

jwt = JWTManager()


def create_app():
    app = Flask(__name__)
    app.config.from_object(ProductionConfig)
    app.config["JWT_ACCESS_TOKEN_EXPIRES"] = False  # expect: FL303
    app.config["JWT_REFRESH_TOKEN_EXPIRES"] = False  # expect: FL303
    app.config.update(JWT_DECODE_ALGORITHMS=["HS256", "RS256"])  # expect: FL303
    app.config["JWT_ALGORITHM"] = "none"  # expect: FL303
    app.config["JWT_DECODE_LEEWAY"] = datetime.timedelta(hours=1)  # expect: FL303
    app.config["JWT_DECODE_AUDIENCE"] = os.environ["API_AUDIENCE"]

    # --- traps ---------------------------------------------------------------------------------
    app.config.from_mapping(JWT_DECODE_ALGORITHMS=["RS256", "RS384"])
    app.config["JWT_REFRESH_TOKEN_EXPIRES"] = datetime.timedelta(days=30)
    app.config["JWT_DECODE_LEEWAY"] = 10
    if app.testing:
        app.config["JWT_ACCESS_TOKEN_EXPIRES"] = False
    jwt.init_app(app)
    return app
