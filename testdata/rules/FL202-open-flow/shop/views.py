from flask import jsonify, request, url_for

from . import app, lastuser
from .models import Order, db


# A method of the extension object the package constructs authenticates.
@app.route("/admin/orders", methods=["GET"])
@lastuser.requires_login
def list_orders():  # expect: FL204(low)
    return jsonify([o.id for o in Order.query.all()])


@app.route("/admin/orders/<order_id>/refund", methods=["POST"])
@lastuser.requires_permission("siteadmin")
def refund(order_id):
    Order.query.get_or_404(order_id).refund()
    return "", 204


# The first step is open too; whether anyone may buy is the app's call, and flasklint asks, at
# low: the app requires a login only under `/admin`, so its front is public by design.
@app.route("/order", methods=["POST"])
def purchase_order():  # expect: FL202(low)
    order = Order(items=request.json["items"])
    db.session.add(order)
    db.session.commit()
    return jsonify(
        order_id=order.id,
        payment_url=url_for("capture_payment", order=order.id),
        free_order_url=url_for(".free", order=order.id),
    )


# The next steps of the checkout anyone may start: the public first step hands out their URLs.
@app.route("/order/<order>/payment", methods=["POST"])
def capture_payment(order):  # expect: FL202(low)
    Order.query.get_or_404(order).capture(request.json["payment_id"])
    db.session.commit()
    return "", 204


@app.route("/order/<order>/free", methods=["POST"])
def free(order):  # expect: FL202(low)
    Order.query.get_or_404(order).confirm()
    db.session.commit()
    return "", 204


# No open route leads here: deleting an order is no step of the checkout.
@app.route("/order/<order>", methods=["DELETE"])
def cancel_order(order):  # expect: FL202
    db.session.delete(Order.query.get_or_404(order))
    db.session.commit()
    return "", 204
