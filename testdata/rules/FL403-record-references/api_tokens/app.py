"""Another application: its only table with a `token` column holds API tokens, credentials."""
import logging

from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
logger = logging.getLogger(__name__)


class ApiToken(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(64), unique=True)
    user_id = db.Column(db.Integer)


@app.post("/api/ping")
def ping():
    issued = ApiToken.query.filter_by(token=request.headers.get("X-Token", "")).first()
    if issued is None:
        return jsonify(error="unknown token"), 401
    logger.info("ping from %s", issued.token)  # expect: FL403(medium)
    return jsonify(user=issued.user_id)
