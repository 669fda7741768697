"""FL303, a second project: defaults matter. Tokens travel in cookies and `JWT_COOKIE_SECURE`
is never set (it defaults to False); no audience or issuer is checked."""
import os

from flask import Flask
from flask_jwt_extended import JWTManager

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]  # expect: FL303(low)
jwt = JWTManager(app)
