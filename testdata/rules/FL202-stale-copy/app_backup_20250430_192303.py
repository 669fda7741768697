"""A copy of app.py kept aside before an edit: nothing imports it."""
from flask import Flask, request
from flask_login import login_required

from views_old import legacy

app = Flask(__name__)
app.register_blueprint(legacy)
ORDERS = {}


@app.get("/orders")
@login_required
def orders():
    return {"orders": list(ORDERS)}


@app.post("/orders")
def create_order():  # expect: FL202(low)
    ORDERS[len(ORDERS)] = request.form["item"]
    return "", 201
