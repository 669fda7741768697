"""A train booking site: the seats left on a train are a sum over everyone's bookings, no one's
booking; a booking read by its id is someone's."""
from flask import Flask, jsonify, redirect, session, url_for
from flask_login import current_user, login_required

from models import Booking, Train, db

app = Flask(__name__)


@app.route("/trains/<int:train_id>/book", methods=["POST"])
@login_required
def book(train_id):
    train = db.session.query(Train).filter_by(id=train_id).with_for_update().first()
    booked = (
        db.session.query(db.func.sum(Booking.passengers))
        .filter(Booking.train_id == train_id, Booking.passengers > 0)
        .scalar()
        or 0
    )
    available = max(0, train.total_seats - booked)
    if available < 1:
        return jsonify(error="sold out"), 409
    session["pending_booking"] = {"train_id": train_id, "seats_left": available - 1}
    return redirect(url_for("pay"))


@app.route("/pay")
@login_required
def pay():
    pending = session.pop("pending_booking")
    db.session.add(Booking(user_id=current_user.id, train_id=pending["train_id"], passengers=1))
    db.session.commit()
    return jsonify(seats_left=pending["seats_left"])


@app.route("/trains/<int:train_id>/bookings/count")
@login_required
def count_bookings(train_id):
    total = db.session.query(db.func.count(Booking.id)).filter_by(train_id=train_id).scalar()
    return jsonify(total=total)


@app.route("/bookings/<int:booking_id>")
@login_required
def show_booking(booking_id):  # expect: FL201
    booking = db.session.query(Booking).filter(Booking.id == booking_id).first_or_404()
    return jsonify(id=booking.id, passengers=booking.passengers)
