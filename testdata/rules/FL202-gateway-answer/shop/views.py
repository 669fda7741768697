from flask import render_template, request
from flask_login import current_user, login_required

from shop import app
from shop import gateway as gateway_service
from shop.models import Donation, db


@app.route("/billing/failure", methods=["GET", "POST"])
def donate_failure():
    order_id, status = gateway_service.gateway_answer(request.form["encResp"])
    donation = Donation.query.get(int(order_id))
    db.session.delete(donation)
    db.session.commit()
    return render_template("failure.html", status=status)


@app.route("/billing/success", methods=["POST"])
def donate_success():  # expect: FL202
    gateway_service.mark_paid(request.form["order_id"])
    return render_template("success.html")


@app.route("/donations", methods=["POST"])
@login_required
def donate():
    donation = Donation(donor_id=current_user.id)
    db.session.add(donation)
    db.session.commit()
    return render_template("pay.html", donation=donation)


@app.route("/donations/mine")
@login_required
def my_donations():
    return render_template("mine.html", rows=Donation.query.filter_by(donor_id=current_user.id))
