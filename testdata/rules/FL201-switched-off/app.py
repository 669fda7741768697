"""Routes switched off by an `abort(404)` above their work never run it; a live twin does."""
from flask import Flask, abort, redirect
from flask_login import login_required

from models import Booking, db

app = Flask(__name__)


@app.route("/bookings/<int:booking_id>/delete")
@login_required
def delete_booking(booking_id):
    # update so that only the owner can delete
    abort(404)
    booking = Booking.query.get_or_404(booking_id)
    db.session.delete(booking)
    db.session.commit()
    return redirect("/")


@app.route("/bookings/<int:booking_id>/cancel", methods=["POST"])
@login_required
def cancel_booking(booking_id):
    """Not ready yet."""
    raise NotImplementedError("cancelling comes later")
    booking = Booking.query.get_or_404(booking_id)
    db.session.delete(booking)
    db.session.commit()
    return redirect("/")


@app.route("/bookings/<int:booking_id>/remove", methods=["POST"])
@login_required
def remove_booking(booking_id):  # expect: FL201
    booking = Booking.query.get_or_404(booking_id)
    if booking.passengers > 9:
        abort(400)
    db.session.delete(booking)
    db.session.commit()
    return redirect("/")
