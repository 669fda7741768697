"""Ownership checked where the handler does not show it: a project decorator that loads the
row by the view's argument and refuses unless its owner is the caller (HEW2's `check_sell`), a
model method that looks the row up scoped to `current_user` through another method of its class
(FlaskRSS's `Feed.delete_feed`), the same decorator loading the row straight from the view's
keyword arguments without `functools.wraps` (Afuyah's `owner_required`), and a query that only counts rows. Traps: a decorator that only
refuses missing rows, and a form field's id that selects a row to delete (medium). A view that
sends signed-in callers away serves visitors: the row its form selects is nobody else's to
them (dds_web's password-reset request, under a decorator that reads the Authorization
header)."""
from functools import wraps

from flask import Flask, flash, g, redirect, request, url_for
from flask_login import LoginManager, current_user, login_required
from flask_wtf import FlaskForm
from wtforms import HiddenField

from models import Listing, PasswordReset, db, log_action

app = Flask(__name__)
login_manager = LoginManager(app)


class DeleteForm(FlaskForm):
    listing_id = HiddenField()


class ResetForm(FlaskForm):
    email = HiddenField()


def bind_request(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        g.token = request.headers.get("Authorization")
        return view(*args, **kwargs)

    return wrapper


def check_seller(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        listing_id = kwargs["listing_id"]
        listing = Listing.query.get(listing_id)
        if listing is None:
            return redirect("/")
        else:
            if listing.user_id != current_user.id:
                return redirect("/")
        return view(*args, **kwargs)

    return wrapper


def owner_required(view):
    def wrapper(*args, **kwargs):
        listing = Listing.query.get_or_404(kwargs["listing_id"])
        if listing.user_id != current_user.id:
            flash("You do not have permission to access this listing.", "danger")
            return redirect(url_for("my_listings"))
        return view(*args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


def check_exists(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        listing = Listing.query.get(kwargs["listing_id"])
        if listing is None:
            return redirect("/")
        return view(*args, **kwargs)

    return wrapper


@app.route("/listings/<int:listing_id>/edit", methods=["POST"])
@login_required
@check_seller
def edit_listing(listing_id):
    listing = Listing.query.get(listing_id)
    listing.title = request.form["title"]
    db.session.commit()
    return redirect("/")


@app.route("/listings/<int:listing_id>/delete", methods=["POST"])
@login_required
@owner_required
def delete_own_listing(listing_id):
    listing = Listing.query.get_or_404(listing_id)
    db.session.delete(listing)
    db.session.commit()
    return redirect("/")


@app.route("/listings/<int:listing_id>/pause", methods=["POST"])
@login_required
@check_exists
def pause_listing(listing_id):  # expect: FL201
    listing = Listing.query.get(listing_id)
    listing.active = False
    db.session.commit()
    return redirect("/")


@app.route("/listings/<int:listing_id>/archive", methods=["POST"])
@login_required
def archive_listing(listing_id):  # expect: FL201
    listing = Listing.query.get(listing_id)
    listing.active = False
    log_action(listing.id)
    db.session.commit()
    return redirect("/")


@app.route("/listings/<int:listing_id>/remove")
@login_required
def remove_listing(listing_id):
    if Listing.delete_by_id(listing_id):
        return redirect("/")
    return redirect("/error")


@app.route("/listings/<int:listing_id>/watchers")
@login_required
def watcher_count(listing_id):
    count = Listing.query.filter_by(id=listing_id, watched=True).count()
    return {"watchers": count}


@app.route("/listings/delete", methods=["POST"])
@login_required
def delete_listing():
    form = DeleteForm(request.form)
    if form.validate_on_submit():
        Listing.query.filter_by(id=form.listing_id.data).delete()  # expect: FL201(medium)
        db.session.commit()
    return redirect("/")


@app.route("/reset_password", methods=["GET", "POST"])
@bind_request
def request_reset_password():
    if current_user.is_authenticated:
        return redirect("/")
    form = ResetForm()
    if form.validate_on_submit():
        PasswordReset.query.filter_by(email=form.email.data).delete()
        db.session.commit()
    return redirect("/login")
