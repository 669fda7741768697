"""A pharmacy portal (HealthPlus's shape): pharmacists work every customer's orders, and a
helper refuses everyone else, answering 401 where 403 was meant."""
from flask import Flask, abort, jsonify, request
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    status = db.Column(db.String)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))


def check_is_pharmacist():
    if current_user.role != "pharmacist":
        abort(401)


def check_signed_in():
    if not current_user.is_authenticated:
        abort(401)


@app.put("/pharmacist/orders/<int:order_id>")
@login_required
def set_order_status(order_id):
    check_is_pharmacist()
    order = Order.query.get_or_404(order_id)
    order.status = request.json["status"]
    db.session.commit()
    return jsonify(ok=True)


@app.put("/orders/<int:order_id>/cancel")
@login_required
def cancel_order(order_id):  # expect: FL201
    # Refusing anonymous callers says nothing about whose order this is.
    check_signed_in()
    order = Order.query.get_or_404(order_id)
    order.status = "cancelled"
    db.session.commit()
    return jsonify(ok=True)
