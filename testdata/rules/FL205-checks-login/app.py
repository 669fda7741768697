"""Huutokauppa's views: `@login_required` above the route decorator never runs, but the
handler writes only inside `if current_user.is_authenticated and ...:` (or refuses anonymous
callers itself), so the route is not open: low. So is a handler that only logs the caller out,
one whose first statement reads `current_user.id` (Flask-Login's anonymous user has no `id`:
a visitor gets an error), and one declaring a parameter the dead decorator would have passed
(Flask passes URL variables only: every request fails). A handler that writes for anyone
stays high."""
from functools import wraps

from flask import Flask, abort, redirect, render_template, request
from flask_login import LoginManager, current_user, login_required, logout_user
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


def token_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("X-Token")
        if token != app.config["API_TOKEN"]:
            abort(401)
        return view(token, *args, **kwargs)

    return wrapper


@login_required  # expect: FL205(low)
@app.route("/logout", methods=["POST"])
def logout():
    logout_user()
    return redirect("/")


@login_required  # expect: FL205(low)
@app.route("/rent/<int:car_id>", methods=["POST"])
def rent_car(car_id):
    user_id = current_user.id
    db.session.add(Bid(amount=user_id + car_id))
    db.session.commit()
    return redirect("/")


@login_required  # expect: FL205(low)
@app.route("/bids/report", methods=["POST"])
def report_bid():
    # Fields read off the request and locals set to a literal change nothing: the team read is
    # the first thing a visitor meets.
    amount = request.form.get("amount")
    team = None
    if current_user.team_id:
        team = current_user.team_id
    db.session.add(Bid(amount=int(amount) + team))
    db.session.commit()
    return redirect("/")


@login_required  # expect: FL205(high)
@app.route("/bids/report-all", methods=["POST"])
def report_all_bids():
    # A write before the team is read runs for anyone.
    db.session.add(Bid(amount=int(request.form.get("amount"))))
    team = None
    if current_user.team_id:
        team = current_user.team_id
    db.session.commit()
    return redirect("/" + str(team))


def api_headers(tokenuser=None):
    print("headers for", tokenuser)
    if tokenuser == None:
        email = current_user.email
    else:
        email = tokenuser
    return {"Email": email}


@login_required  # expect: FL205(low)
@app.route("/bids/export", methods=["POST"])
def export_bids():
    # The helper's own first statement reads `current_user.email`: a visitor gets an error.
    headers = api_headers()
    db.session.add(Bid(amount=len(headers)))
    db.session.commit()
    return redirect("/")


@login_required  # expect: FL205(high)
@app.route("/bids/export-as", methods=["POST"])
def export_bids_as():
    # Handed a user, the helper never reads `current_user`.
    headers = api_headers(request.form.get("user"))
    db.session.add(Bid(amount=len(headers)))
    db.session.commit()
    return redirect("/")


@token_required  # expect: FL205(low)
@app.route("/tokens/bids", methods=["POST"])
def bids_by_token(token):
    db.session.add(Bid(amount=len(token)))
    db.session.commit()
    return redirect("/")


@login_required  # expect: FL205(high)
@app.route("/bids/<int:bid_id>/delete", methods=["POST"])
def delete_bid(bid_id):
    # `current_user.name` is read only after the delete: anyone deletes any bid.
    Bid.query.filter_by(id=bid_id).delete()
    db.session.commit()
    return redirect("/users/" + current_user.name)


@login_required  # expect: FL205(high)
@app.route("/bids/<int:bid_id>/reset", methods=["POST"])
def reset_bid(bid_id, amount=0):
    # A parameter with a default is passed nothing and still works.
    bid = Bid.query.get_or_404(bid_id)
    bid.amount = amount
    db.session.commit()
    return redirect("/")
