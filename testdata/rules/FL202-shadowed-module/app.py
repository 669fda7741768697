"""tusome-academy's layout: `routes/` (a package) and an older `routes.py` sit side by side.
`import routes` loads the package, so nothing in `routes.py` ever runs: its open routes are
low, with the reason. The mobile API module imports Flask-JWT-Extended but no application
imports or registers it, so the JWT key's weak fallback signs nothing (low), while the session key signs
every login (high)."""
from flask import Flask
from flask_login import LoginManager

from config import Config
from routes import school_bp

login_manager = LoginManager()


def create_app():
    app = Flask(__name__)
    app.config.from_object(Config)
    login_manager.init_app(app)
    app.register_blueprint(school_bp)
    return app
