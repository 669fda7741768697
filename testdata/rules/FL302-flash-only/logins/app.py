"""The same key, but the session carries the login: forging it signs in as anyone."""
from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev"  # expect: FL302

from . import views  # noqa: E402,F401
