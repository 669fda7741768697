"""FL102 fixture: decodes that never check the token's signature."""
from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_object("app.settings")

    from .views import bp

    app.register_blueprint(bp)
    return app
