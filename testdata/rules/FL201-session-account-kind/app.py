"""Staff and customers log in to one app; the kind of account is kept in the session. A
waiter acting on any customer's order is the waiter's job (a role check); a customer reaching
another customer's order is the finding."""
import functools
import os

from flask import Flask, jsonify, redirect, session, url_for
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    status = db.Column(db.String)


def waiter_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if session.get("user") != "waiter":
            return redirect(url_for("login"))
        return view(*args, **kwargs)

    return wrapper


def customer_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if session.get("user") != "customer":
            return redirect(url_for("login"))
        return view(*args, **kwargs)

    return wrapper


@app.route("/login")
def login():
    return "login form"


@app.post("/waiter/orders/<int:order_id>/confirm")
@waiter_required
def confirm_order(order_id):
    order = Order.query.get(order_id)
    order.status = "confirmed"
    db.session.commit()
    return jsonify(ok=True)


@app.get("/customer/orders/<int:order_id>")
@customer_required
def show_order(order_id):  # expect: FL201
    order = Order.query.filter_by(id=order_id).first()
    return jsonify(status=order.status)
