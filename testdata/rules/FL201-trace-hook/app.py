"""A hook that keeps a trace id from a header before it checks the caller's token with an
authentication service (HM Land Registry's APIs): the identity is what the check returned,
`g.jwt`, not the trace id the client chose."""
import uuid

from flask import Flask, g, request
from flask_sqlalchemy import SQLAlchemy

from auth_client import ValidationFailure, validate

app = Flask(__name__)
db = SQLAlchemy(app)


class Search(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.String, nullable=False)


@app.before_request
def before_request():
    g.trace_id = request.headers.get("X-Trace-ID", uuid.uuid4().hex)
    if "/health" in request.path:
        return
    if "Authorization" not in request.headers:
        return {"error": "Missing Authorization header"}, 401
    try:
        g.jwt = validate(app.config["AUTHENTICATION_API_URL"], request.headers["Authorization"])
    except ValidationFailure:
        return {"error": "invalid token"}, 401


@app.get("/searches/<int:search_id>")
def get_search(search_id):  # expect: FL201
    return {"id": Search.query.filter_by(id=search_id).first_or_404().id}


@app.get("/health")
def health():
    return {"ok": True}
