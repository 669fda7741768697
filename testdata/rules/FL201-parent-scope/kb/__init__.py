from flask import Flask

from .views import bp
from .aliases import legacy


def create_app():
    app = Flask(__name__)
    app.register_blueprint(bp)
    app.register_blueprint(legacy)
    return app
