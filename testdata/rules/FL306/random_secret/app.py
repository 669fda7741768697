"""FL306 low: the secret is generated at start-up, so no other process can mint a token this
app accepts (tokens do not survive a restart, which is the app's choice)."""
import secrets

from flask import Flask
from flask_jwt_extended import JWTManager

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = secrets.token_hex(32)
jwt = JWTManager(app)
