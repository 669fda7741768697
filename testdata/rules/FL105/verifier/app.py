"""Another application of the same tree: it verifies with `SECRET_KEY` too, but never mints (low:
a secret it shares with whatever mints the tokens).
The app in `own/` signing with its own `SECRET_KEY` makes nothing here its own token."""
import os

import jwt
from flask import Flask, current_app

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def claims(token):
    return jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=["HS256"])  # expect: FL105(low)


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = ["claims"]
