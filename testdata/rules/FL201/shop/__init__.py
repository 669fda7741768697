from flask import Flask

from .api import api_bp
from .orders import orders_bp


def create_app():
    app = Flask(__name__)
    app.register_blueprint(api_bp, url_prefix="/api")
    app.register_blueprint(orders_bp)
    return app
