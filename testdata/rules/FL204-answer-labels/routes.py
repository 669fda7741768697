"""A courier API whose login and user list label the dicts they answer with a `role` key: the
label changes no account. Setting the role of a stored account from the request does."""
from flask import Blueprint, jsonify, request

from models import Admin, Customer, db

main = Blueprint("main", __name__)


@main.route("/api/login", methods=["POST"])
def login():
    data = request.get_json()
    user = Customer.query.filter_by(email=data.get("email")).first()
    role = "customer"
    if not user:
        user = Admin.query.filter_by(email=data.get("email")).first()
        role = "admin"
    if user and user.check(data.get("password")):
        user_data = user.to_dict()
        user_data["role"] = role
        return jsonify(user_data)
    return jsonify({"error": "Invalid email or password"}), 401


@main.route("/api/users", methods=["GET"])
def get_users():
    users = []
    for admin in Admin.query.all():
        row = admin.to_dict()
        row["role"] = "admin"
        users.append(row)
    return jsonify(users)


@main.route("/api/customers/<int:customer_id>/role", methods=["PUT"])
def set_role(customer_id):  # expect: FL204(critical)
    customer = Customer.query.get_or_404(customer_id)
    customer.role = request.get_json()["role"]
    db.session.commit()
    return jsonify(ok=True)
