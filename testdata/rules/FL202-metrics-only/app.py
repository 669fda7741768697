"""LibreTranslate's shape: a public API whose only authenticated route is `/metrics`, guarded by a
static token for Prometheus. That is no scheme the other routes forgot: FL202 stays silent on
them. Where a user-facing route authenticates too, the open state change is reported."""
import os

from flask import Blueprint, Flask, abort, request
from flask_login import login_required

app = Flask(__name__)
public = Blueprint("public", __name__)
METRICS_TOKEN = os.environ["METRICS_TOKEN"]
SUGGESTIONS = []


@public.get("/metrics")
def prometheus_metrics():
    if request.headers.get("Authorization") != f"Bearer {METRICS_TOKEN}":
        abort(401)
    return "requests_total 1\n"


@public.post("/suggest")
def suggest():
    SUGGESTIONS.append(request.json)
    return {"success": True}


app.register_blueprint(public)

other = Flask("other")


@other.get("/metrics")
def other_metrics():
    if request.headers.get("Authorization") != f"Bearer {METRICS_TOKEN}":
        abort(401)
    return "requests_total 1\n"


@other.post("/settings")
@login_required
def save_settings():
    return {"saved": True}


@other.delete("/notes/<note_id>")
def delete_note(note_id):  # expect: FL202
    return "", 204
