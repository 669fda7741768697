"""FL105 fixture: decodes that do not check who issued the token, or for whom."""
from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_object("svc.config")

    from .api.views import bp

    app.register_blueprint(bp, url_prefix="/api")
    return app
