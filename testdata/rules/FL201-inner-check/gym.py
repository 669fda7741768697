"""A gym's API (zyadwael2009/gym's shapes). An ownership check inside a function the handler
defines and calls is the handler's own check; an owner-role decorator factory that hands back
`require_role('owner')` is a role check of the caller, and the owner may manage every branch.
A customer route with neither is the finding."""
import functools
import os

from flask import Flask, abort, jsonify
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    get_jwt_identity,
    jwt_required,
    verify_jwt_in_request,
)
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)
db = SQLAlchemy(app)


class Customer(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    branch_id = db.Column(db.Integer, db.ForeignKey("branch.id"))
    name = db.Column(db.String)


class Attendance(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer_id = db.Column(db.Integer, db.ForeignKey("customer.id"))
    day = db.Column(db.Date)


class Branch(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    manager_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    is_active = db.Column(db.Boolean)


def require_role(*roles):
    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            verify_jwt_in_request()
            if get_jwt_identity().split("_")[0] not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator


def require_owner():
    return require_role("owner")


@app.post("/api/login/<int:customer_id>")
def login(customer_id):
    return jsonify(token=create_access_token(identity=f"customer_{customer_id}"))


@app.get("/api/customers/<int:customer_id>/attendance")
def customer_attendance(customer_id):
    from flask_jwt_extended import get_jwt_identity, jwt_required

    @jwt_required()
    def _attendance():
        current_identity = get_jwt_identity()
        if not current_identity.startswith("customer_"):
            return jsonify(error="Invalid token"), 401
        token_customer_id = int(current_identity.split("_")[1])
        if token_customer_id != customer_id:
            return jsonify(error="Access denied"), 403
        customer = Customer.query.get(customer_id)
        if not customer:
            return jsonify(error="Customer not found"), 404
        visits = Attendance.query.filter(Attendance.customer_id == customer_id).limit(100).all()
        return jsonify(name=customer.name, visits=[visit.day for visit in visits])

    return _attendance()


@app.delete("/api/branches/<int:branch_id>")
@require_owner()
def delete_branch(branch_id):
    branch = Branch.query.get_or_404(branch_id)
    branch.is_active = False
    db.session.commit()
    return jsonify(ok=True)


@app.get("/api/customers/<int:customer_id>")
@jwt_required()
def show_customer(customer_id):  # expect: FL201
    customer = Customer.query.get(customer_id)
    return jsonify(name=customer.name)
