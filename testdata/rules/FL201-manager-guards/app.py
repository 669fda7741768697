"""Guards named for a kind of account that manages others: app-laundry's inventory blueprint
refuses everyone but managers in a `before_request` hook (`if not current_user.is_manager():`,
answered with a redirect), and Home-Serve-Pro's `@ops_manager_required` wraps its role
decorator. Managers handle every item and booking by design: silent.

Traps: `login_manager` is the extension, not a kind of account, and a hook that only loads the
caller checks nothing: the order read by id beside them is still reported."""
from flask import Blueprint, Flask, flash, g, redirect, request, url_for
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

from guards import ops_manager_required

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)
inventory = Blueprint("inventory", __name__)
bookings = Blueprint("bookings", __name__)
orders = Blueprint("orders", __name__)


class User(db.Model):
    ROLE_OPS_MANAGER = "ops_manager"
    ROLE_SUPER_ADMIN = "super_admin"
    id = db.Column(db.Integer, primary_key=True)
    role = db.Column(db.String(20))

    def is_manager(self):
        return self.role in ("manager", "admin")


class InventoryItem(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    created_by = db.Column(db.Integer, db.ForeignKey("user.id"))
    stock = db.Column(db.Integer)


class Booking(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer_id = db.Column(db.Integer, db.ForeignKey("user.id"))


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))


@inventory.before_request
@login_required
def inventory_access_guard():
    if not current_user.is_manager():
        flash("You do not have permission to access inventory.", "error")
        return redirect(url_for("home"))


@inventory.post("/items/<int:item_id>/stock")
def update_stock(item_id):
    item = InventoryItem.query.get_or_404(item_id)
    item.stock = request.json["stock"]
    db.session.commit()
    return {"stock": item.stock}


@bookings.get("/bookings/<int:booking_id>")
@login_required
@ops_manager_required
def booking_details(booking_id):
    return {"id": Booking.query.get_or_404(booking_id).id}


@orders.before_request
def load_caller():
    g.login_manager = login_manager


@orders.get("/orders/<int:order_id>")
@login_required
def show_order(order_id):  # expect: FL201
    return {"id": Order.query.get_or_404(order_id).id}


app.register_blueprint(inventory, url_prefix="/inventory")
app.register_blueprint(bookings)
app.register_blueprint(orders)
