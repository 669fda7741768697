"""Queries built in steps: a query first narrowed to the caller's rows and then to one id
keeps the caller's scope; a query of a table nobody owns (shared company addresses) reaches
no one's data; a query of owned rows narrowed only to the id in the URL does."""
from flask import Flask, jsonify
from flask_login import current_user, login_required

from models import Address, Order, Transaction

app = Flask(__name__)


@app.route("/transactions", defaults={"transaction_id": None})
@app.route("/transactions/<int:transaction_id>")
@login_required
def user_get_transactions(transaction_id):
    transactions = Transaction.query.filter_by(customer=current_user)
    if transaction_id is not None:
        transactions = transactions.filter_by(id=transaction_id)
    return jsonify([entry.to_dict() for entry in transactions])


@app.route("/addresses/<address_id>")
@login_required
def get_addresses(address_id):
    addresses = Address.query
    if address_id is not None:
        addresses = addresses.filter_by(id=address_id)
    return jsonify([entry.to_dict() for entry in addresses])


@app.route("/orders/<int:order_id>")
@login_required
def get_order(order_id):  # expect: FL201
    orders = Order.query
    orders = orders.filter_by(id=order_id)
    return jsonify([entry.to_dict() for entry in orders])
