"""A Flask-Login app (hsk_bazaar_diary) that also sets a JWT key: no JWT extension reads it and
no code names it again, so its weak fallback signs nothing today: low, with the reason.
The session key beside it signs every login cookie: high. The factory is the web app's (it
registers the views), so `if __name__ == "__main__"` calling it makes nothing development-only."""
import os

import jwt  # imported and never used
from flask import Blueprint, Flask
from flask_login import LoginManager

views = Blueprint("views", __name__)


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "your-secret-key-change-in-production")  # expect: FL302(high)
    app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "jwt-secret-key-change-in-production")  # expect: FL302(low)
    LoginManager(app)
    app.register_blueprint(views)
    return app


if __name__ == "__main__":
    create_app().run(host="127.0.0.1")
