"""Project-2's paper trading: `user, err = _require_auth()` unpacks the caller a verifying
helper hands back first, so `svc.cancel_order(user.id, order_id)` relates the order to the
caller (silent). A handler that hands the service the order id alone is reported."""
import os

import jwt
from flask import Flask, jsonify, request

app = Flask(__name__)
ORDERS = {}


class User:
    def __init__(self, uid):
        self.id = uid


class OrderService:
    def cancel_order(self, user_id, order_id):
        orders = ORDERS.get(user_id, {})
        return {"success": orders.pop(order_id, None) is not None}

    def order(self, order_id):
        for orders in ORDERS.values():
            if order_id in orders:
                return orders[order_id]
        return None


def authenticate_request():
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    try:
        claims = jwt.decode(header[7:], os.environ["JWT_SECRET"], algorithms=["HS256"])  # expect: FL105(low)
    except jwt.InvalidTokenError:
        return None
    return User(claims["sub"])


def _require_auth():
    user = authenticate_request()
    if not user:
        return None, (jsonify({"error": "Authentication required"}), 401)
    return user, None


@app.route("/orders/<order_id>", methods=["DELETE"])
def cancel_order(order_id):
    user, err = _require_auth()
    if err:
        return err
    return jsonify(OrderService().cancel_order(user.id, order_id))


@app.route("/orders/<order_id>", methods=["GET"])
def show_order(order_id):  # expect: FL201
    user, err = _require_auth()
    if err:
        return err
    return jsonify(OrderService().order(order_id))
