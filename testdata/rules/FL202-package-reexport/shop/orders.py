from flask import Blueprint, jsonify
from flask_jwt_extended import get_jwt_identity, jwt_required

orders = Blueprint("orders", __name__)
ORDERS = {}


@orders.get("api/orders")
@jwt_required()
def list_orders():
    return jsonify([o for o in ORDERS.values() if o["owner"] == get_jwt_identity()])


@orders.delete("api/orders/<int:order_id>")
def delete_order(order_id):  # expect: FL202
    ORDERS.pop(order_id, None)
    return "", 204
