"""notes_api: a small notes service.

Users sign in with a password and get a bearer token (PyJWT); every `/users/<id>/notes`
route is behind the `require_auth` decorator in `auth.py`.
"""
import os

from flask import Flask, jsonify


def create_app(config_object="notes_api.config.Config"):
    app = Flask(__name__)
    app.config.from_object(config_object)
    if os.environ.get("NOTES_API_SETTINGS"):
        app.config.from_envvar("NOTES_API_SETTINGS")

    from . import models

    models.init_app(app)

    from .tokens import bp as tokens_bp
    from .views import bp as notes_bp

    app.register_blueprint(tokens_bp, url_prefix="/auth")
    app.register_blueprint(notes_bp)

    @app.errorhandler(404)
    def not_found(error):
        return jsonify(error="not found"), 404

    return app
