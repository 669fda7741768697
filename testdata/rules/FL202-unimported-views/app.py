"""gennis's layout: `app.py` star-imports the modules that register routes on it, and those
import `app` back. The programmers' module also imports `app` and declares routes, but no
module imports it: its routes are never registered (low, with the reason), while the star
import of the certificates' module, whose last name is the same, says nothing of it."""
import os

from flask import Flask
from flask_jwt_extended import JWTManager

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)  # expect: FL306

from backend.certificate.views import *
