"""An older alternative app beside it (nexai's `api/app.py`): no session, no login library, no
token signing. A module no app reaches (`legacy_views.py`) is counted in both only because they
share the folder: it says nothing of what this app keeps, so the key is low here."""
import os

from flask import Flask, jsonify

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "lexai-hybrid-key-2025")  # expect: FL302(low)


@app.route("/api/health")
def health():
    return jsonify(status="ok")
