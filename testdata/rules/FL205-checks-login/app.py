"""Huutokauppa's views: `@login_required` above the route decorator never runs, but the
handler writes only inside `if current_user.is_authenticated and ...:` (or refuses anonymous
callers itself), so the route is not open: low. A handler that writes for anyone stays high."""
from flask import Flask, abort, redirect, render_template, request
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
login_manager = LoginManager(app)
db = SQLAlchemy(app)


class Bid(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    amount = db.Column(db.Integer)


@login_required  # expect: FL205(low)
@app.route("/bids", methods=["POST"])
def bid_create():
    amount = int(request.form["amount"])
    if current_user.is_authenticated and amount > 0:
        db.session.add(Bid(amount=amount))
        db.session.commit()
    return redirect("/")


@login_required  # expect: FL205(low)
@app.route("/bids/mine")
def my_bids():
    if not current_user.is_authenticated:
        abort(401)
    return render_template("bids.html", bids=[])


@login_required  # expect: FL205
@app.route("/bids/clear", methods=["POST"])
def clear_bids():
    # The login test only picks a message; the delete runs for anyone.
    Bid.query.delete()
    db.session.commit()
    if current_user.is_authenticated:
        return redirect("/mine")
    return redirect("/")
