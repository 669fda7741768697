"""A ticket shop (hasgeek's boxoffice): staff pages behind flask-lastuser's login, an
anonymous checkout whose public first step hands out the URLs of the next ones."""
from flask import Flask
from flask_lastuser import Lastuser

app = Flask(__name__)
lastuser = Lastuser()

from . import views  # noqa: E402,F401
