"""A telemedicine app's labs (HealthNova's shape): every lab reads the queue of requested
tests; a lab claims or rejects one only while it is still `requested`, which no lab owns yet.
Changing a test already assigned to a lab needs that lab."""
from functools import wraps

from flask import Flask, abort, jsonify, request, session
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)


def role_required(role):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if "user_id" not in session:
                abort(401)
            if session.get("role") != role:
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator


class LabTest(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    status = db.Column(db.String, default="requested")
    result = db.Column(db.String)
    lab_id = db.Column(db.Integer, db.ForeignKey("user.id"))


@app.post("/lab/tests/<int:test_id>/approve")
@role_required("lab")
def approve_test(test_id):
    test = LabTest.query.get(test_id)
    if not test:
        return jsonify(error="not found"), 404
    if test.status != "requested":
        return jsonify(error="already taken"), 400
    test.lab_id = session.get("user_id")
    test.status = "approved"
    db.session.commit()
    return jsonify(ok=True)


@app.post("/lab/tests/<int:test_id>/reject")
@role_required("lab")
def reject_test(test_id):
    test = LabTest.query.get(test_id)
    if test.status not in ("requested", "pending"):
        abort(400)
    test.status = "rejected"
    db.session.commit()
    return jsonify(ok=True)


@app.post("/lab/tests/<int:test_id>/result")
@role_required("lab")
def record_result(test_id):  # expect: FL201
    test = LabTest.query.get(test_id)
    # A state that lets the request through is no queue: any approved test of any lab.
    if test.status == "approved":
        test.result = request.json["result"]
    db.session.commit()
    return jsonify(ok=True)
