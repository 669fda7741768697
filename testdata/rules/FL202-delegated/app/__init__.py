"""hrms-flask's shape: thin route functions hand the whole request to a controller's static
method, and the controller method carries `@jwt_required()`. The routes are authenticated by
the controller's decorator (FL202 silent); a route whose controller method has no decorator,
or a handler that does its own work before delegating, is not."""
from flask import Flask
from flask_jwt_extended import JWTManager

from .routes.reviews import reviews_bp


def create_app():
    app = Flask(__name__)
    app.config.from_prefixed_env()
    JWTManager(app)  # expect: FL306(medium)
    app.register_blueprint(reviews_bp, url_prefix="/api/reviews")
    return app
