"""Flask-JWT-Simple's `@jwt_required` authenticates (jyps-api: 24 of 32 routes were listed open
without it); the open route that deletes is the finding."""
import os

from flask import Flask, jsonify
from flask_jwt_simple import JWTManager, get_jwt_identity, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)
EVENTS = {}


@app.get("/events")
@jwt_required
def list_events():
    return jsonify([e for e in EVENTS.values() if e["owner"] == get_jwt_identity()])


@app.delete("/events/<int:event_id>")
def delete_event(event_id):  # expect: FL202
    EVENTS.pop(event_id, None)
    return "", 204
