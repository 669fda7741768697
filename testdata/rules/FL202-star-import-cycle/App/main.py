"""NAV-spotDPothole's layout: `controllers/__init__.py` stars every controller module and each
controller stars the package back. Name lookups through the stars must finish (they once took
time exponential in the number of modules) and still find each controller's functions."""
import os

from flask import Flask
from flask_jwt_extended import JWTManager

from App.views import api_views

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)
app.register_blueprint(api_views)
