"""A login decorator over the project's anonymous-user object (after byceps's `login_required`:
`if not g.user.authenticated:` then its own `redirect_to(...)` wrapper to the login form): it
authenticates, so an open route that writes beside it is FL202."""
from functools import wraps

from flask import Flask, g, redirect, request, url_for

from models import Order

app = Flask(__name__)


def redirect_to(endpoint, **values):
    return redirect(url_for(endpoint, **values))


def login_required(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        if not g.user.authenticated:
            return redirect_to("log_in_form", next=request.full_path.rstrip("?"))
        return func(*args, **kwargs)

    return wrapper


@app.get("/login")
def log_in_form():
    return "form"


# Trap: the decorator sends anonymous callers to the login form.
@app.post("/orders/<int:order_id>/cancel")
@login_required
def cancel_order(order_id):
    Order.query.filter_by(id=order_id, placed_by=g.user.id).update({"state": "cancelled"})
    return "", 204


@app.post("/orders/purge")
def purge_orders():  # expect: FL202
    Order.query.delete()
    return "", 204
