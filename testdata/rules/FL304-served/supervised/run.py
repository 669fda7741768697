"""yamakanban's `run.py`: the container's supervisor runs `gunicorn ... run:app`
(`configs/supervisord.conf`), so the `__main__` server is how a developer runs the app."""
from flask import Flask
from flask_socketio import SocketIO

app = Flask(__name__)
socketio = SocketIO(app)

if __name__ == "__main__":
    socketio.run(app, host="0.0.0.0", port=5000, debug=True)  # expect: FL304(low)
