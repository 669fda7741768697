"""automated_system's device shadow: compose serves it with gunicorn; the `python -m app` beside
it starts another service's module in that service's build context, not this file."""
from flask import Flask

app = Flask(__name__)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)  # expect: FL304(low)
