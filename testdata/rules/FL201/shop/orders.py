"""Class-based views: a MethodView and a flask-restx Resource."""
from flask import Blueprint, abort, jsonify
from flask.views import MethodView
from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_restx import Api, Namespace, Resource

from .models import Model

orders_bp = Blueprint("orders", __name__, url_prefix="/shop")


class Order(Model):
    customer_id = 0


class OrderAPI(MethodView):
    decorators = [jwt_required()]

    def get(self, order_id):  # expect: FL201
        return jsonify(Order.query.get_or_404(order_id).to_dict())

    def delete(self, order_id):
        order = Order.query.get_or_404(order_id)
        if order.customer_id != get_jwt_identity():
            abort(403)
        return "", 204


orders_bp.add_url_rule("/orders/<int:order_id>", view_func=OrderAPI.as_view("order"))

api = Api(orders_bp, doc=False)
ns = Namespace("payments")
api.add_namespace(ns)


@ns.route("/<int:payment_id>")
class PaymentResource(Resource):
    method_decorators = [jwt_required()]

    def get(self, payment_id):  # expect: FL201
        return Order.query.get_or_404(payment_id).to_dict()


@ns.route("/customers/<int:customer_id>/addresses/<int:address_id>")
class AddressResource(Resource):
    # Two ids of the caller's data and no ownership check: one finding naming both.
    method_decorators = [jwt_required()]

    def get(self, customer_id, address_id):  # expect: FL201
        return Order.query.filter_by(customer_id=customer_id, id=address_id).first_or_404().to_dict()
