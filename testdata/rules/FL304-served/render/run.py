"""Render runs `gunicorn run:app` (render.yaml's `startCommand`, FARMART-2): `python run.py` is
for developers."""
from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(debug=True, host="0.0.0.0")  # expect: FL304(low)
