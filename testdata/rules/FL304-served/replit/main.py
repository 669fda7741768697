"""Replit deploys `gunicorn main:app` (`.replit`'s `[deployment] run`, PxHRMS): `python main.py`
is for developers."""
from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)  # expect: FL304(low)
