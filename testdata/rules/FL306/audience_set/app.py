"""Silent: the audience is checked."""
import os

from flask import Flask
from flask_jwt_extended import JWTManager

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
app.config["JWT_DECODE_AUDIENCE"] = "billing"
jwt = JWTManager(app)
