from flask import Flask
from flask_jwt_extended import JWTManager, create_access_token

from .config import Config, validate_security_configuration


def create_app():
    app = Flask(__name__)
    app.config.from_object(Config)
    app.config["JWT_DECODE_AUDIENCE"] = "expenses"
    validate_security_configuration()
    JWTManager(app)

    @app.post("/login")
    def login():
        return {"token": create_access_token("user", additional_claims={"aud": "expenses"})}

    return app
