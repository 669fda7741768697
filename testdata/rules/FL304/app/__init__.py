"""FL304 fixture: the Werkzeug debugger switched on outside development."""
import os

from flask import Flask
from flask_socketio import SocketIO

from . import config

app = Flask(__name__)
app.config.from_object(config.ProductionConfig)
app.config["DEBUG"] = True  # expect: FL304(high)
app.debug = True  # expect: FL304(high)
socketio = SocketIO(app)

DEBUG_MODE = True


def serve():
    app.run(host="0.0.0.0", port=8000, debug=DEBUG_MODE)  # expect: FL304(high)


def serve_with_the_setting():
    # No `debug=`: this server takes debug mode from `DEBUG`, so the settings above start the
    # debugger on every interface.
    app.run(host="0.0.0.0", port=8000)


def serve_socketio():
    socketio.run(app, host="0.0.0.0", debug=True)  # expect: FL304(high)


def serve_on_every_interface():
    app.run("0.0.0.0", 8000, debug=True)  # expect: FL304(high)
    app.run(host=os.environ.get("HOST", "0.0.0.0"), debug=True)  # expect: FL304(high)
    app.run(host=os.environ["HOST"], debug=True)  # expect: FL304(high)
    app.run(host="10.0.0.5", debug=True)  # expect: FL304(high)


def serve_on_loopback():
    # Only this machine reaches a loopback-bound debugger: reported, at low severity.
    app.run(debug=True, threaded=True, host="127.0.0.1", port=4000)  # expect: FL304(low)
    app.run("localhost", debug=True)  # expect: FL304(low)
    app.run(debug=True)  # expect: FL304(low)
    socketio.run(app, debug=True)  # expect: FL304(low)
    # zou's debug.py: 127.0.0.1 unless the operator sets DEBUG_HOST.
    socketio.run(app, host=os.getenv("DEBUG_HOST", "127.0.0.1"), debug=True)  # expect: FL304(low)


def configure(app):
    app.config.update(DEBUG=1)  # expect: FL304(high)
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


def local_demo():
    # A development function the config model knows: lowered by the rule itself.
    app.run(debug=True)  # expect: FL304(low)


def run_dev_server():
    app.run(debug=True)  # expect: FL304(low)


def run_public_server():
    # Only `__main__` below calls it: development-only, like the block itself.
    app.debug = True  # expect: FL304(low)
    app.run(host="127.0.0.1")


def run_on_the_network():
    # Only `__main__` calls it, but it listens on every interface: `python app.py` on a server
    # exposes the debugger, so development context lowers it to medium only.
    app.run(debug=True, host="0.0.0.0", port=9191)  # expect: FL304(medium)


def run_from_elsewhere():
    # Also handed to a runner outside `__main__`: not development-only.
    app.run(debug=True, host="0.0.0.0")  # expect: FL304(high)


RUNNERS = [run_from_elsewhere]


if __name__ == "__main__":
    # `python app.py`: the development server. Reported, at low severity.
    app.run(debug=True)  # expect: FL304(low)
    app.debug = True  # expect: FL304(low)
    app.run(host="0.0.0.0", debug=True)  # expect: FL304(medium)
    run_public_server()
    run_on_the_network()
    run_from_elsewhere()
