"""FL304 fixture: the Werkzeug debugger switched on outside development."""
import os

from flask import Flask
from flask_socketio import SocketIO

from . import config

app = Flask(__name__)
app.config.from_object(config.ProductionConfig)
app.config["DEBUG"] = True  # expect: FL304
app.debug = True  # expect: FL304
socketio = SocketIO(app)

DEBUG_MODE = True


def serve():
    app.run(host="0.0.0.0", port=8000, debug=DEBUG_MODE)  # expect: FL304


def serve_socketio():
    socketio.run(app, debug=True)  # expect: FL304


def configure(app):
    app.config.update(DEBUG=1)  # expect: FL304
    # --- traps ---------------------------------------------------------------------------------
    app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
    if app.config.get("ENV") == "development":
        app.config["DEBUG"] = True


def serve_from_environment():
    app.run(debug=os.environ.get("FLASK_DEBUG", False))
    app.run(debug=False)
    app.run()


def create_test_app():
    test_app = Flask(__name__)
    test_app.config["DEBUG"] = True
    return test_app


if __name__ == "__main__":
    app.run(debug=True)  # expect: FL304
