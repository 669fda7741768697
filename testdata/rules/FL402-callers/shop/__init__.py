"""FL402 through callers: a service function's audience is that of the routes that run it."""
import os

from flask import Flask
from flask_login import LoginManager

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
login = LoginManager(app)

from shop.routes import items, users  # noqa: E402,F401
