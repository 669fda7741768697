"""The application that runs (`gunicorn app:app`). Beside it, copies kept aside while editing
(`app_backup_20250430_192303.py`, `app_fixed.py`) that nothing imports repeat its routes: their
findings are low, naming the copy. A module whose name only starts like a copy word
(`app_fixtures.py`) or that the app imports (`views_old.py`) is part of the application."""
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
def create_order():  # expect: FL202
    ORDERS[len(ORDERS)] = request.form["item"]
    return "", 201
