"""ARL's shape: a systemd unit in another folder runs this module under gunicorn."""
from flask import Flask

scanner_app = Flask(__name__)

if __name__ == "__main__":
    scanner_app.run(host="0.0.0.0", port=5013, debug=True)  # expect: FL304(low)
