"""Silent: suppressions written when this note was part of FL303 keep silencing it."""
import os

from flask import Flask
from flask_jwt_extended import JWTManager

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)  # noqa: FL303
other = JWTManager(app)  # flasklint: ignore[jwt-extended-insecure-config]
