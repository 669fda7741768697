"""A rental platform's role decorators (Digital-Caretaker's shape): `@landlord_role_required`
admits every landlord, so a landlord changing a property by id must still own it; a
receptionist reads every guest's booking by design (the booking is the guest's, not the
receptionist's); an administrator's role manages every record."""
from functools import wraps

from flask import Flask, abort, jsonify, request
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


def role_required(role_name):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if current_user.role != role_name:
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator


class Landlord(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Tenant(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    property_id = db.Column(db.Integer, db.ForeignKey("property.id"))


class Property(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    status = db.Column(db.String)
    property_owner = db.Column(db.Integer, db.ForeignKey("landlord.id"))
    # The property's tenants: the other side's collection, not whose the property is.
    tenants = db.relationship("Tenant", backref="home")


class Booking(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer_id = db.Column(db.Integer, db.ForeignKey("customer.id"))


@app.post("/landlord/properties/<int:property_id>/availability")
@login_required
@role_required("Landlord")
def update_property_availability(property_id):  # expect: FL201
    listed = Property.query.get_or_404(property_id)
    listed.status = request.form["availability"]
    db.session.commit()
    return jsonify(ok=True)


@app.get("/receptionist/bookings/<int:booking_id>")
@login_required
@role_required("Receptionist")
def view_booking(booking_id):
    return jsonify(id=Booking.query.get_or_404(booking_id).id)


@app.post("/admin/properties/<int:property_id>/status")
@login_required
@role_required("Admin")
def set_property_status(property_id):
    Property.query.get_or_404(property_id).status = request.form["status"]
    db.session.commit()
    return jsonify(ok=True)
