"""kickinslowly's substitute portal: the handlers load the caller with a helper that returns
`None` when the session holds no login, then refuse when it did. Those routes are
authenticated in the handler: FL202 stays silent. A helper that returns something for everyone,
a local tested before it is assigned from the helper, and a route that never asks stay
reported. A permission helper in another module that loads the caller with that helper first
(`check_shared_schools_access`) refuses anonymous callers too."""
from flask import Flask, flash, redirect, request, session, url_for
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)
    role = db.Column(db.String(20))


class Request(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    note = db.Column(db.String(200))


def get_logged_in_user():
    """The logged-in user, from the session."""
    if "user_info" not in session:
        return None
    return User.query.filter_by(email=session["user_info"]["email"]).first()


def get_visitor():
    """Everyone gets a record: a visitor without a login gets a guest."""
    return User(email="guest@example.org", role="guest")


@app.route("/profile/<int:user_id>", methods=["GET", "POST"])
def edit_profile(user_id):
    logged_in_user = get_logged_in_user()
    if not logged_in_user:
        flash("Please log in to continue.")
        return redirect(url_for("index"))
    if logged_in_user.id != user_id:
        return "Forbidden", 403
    logged_in_user.email = request.form["email"]
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/requests/<int:request_id>/delete", methods=["POST"])
def delete_request(request_id):
    user = get_logged_in_user()
    if user is None:
        return "Unauthorized", 401
    Request.query.filter_by(id=request_id, user_id=user.id).delete()
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/requests/<int:request_id>/note", methods=["POST"])
def annotate_request(request_id):  # expect: FL202
    visitor = get_visitor()
    if not visitor:
        return "Unauthorized", 401
    Request.query.get_or_404(request_id).note = request.form["note"]
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/requests/<int:request_id>/close", methods=["POST"])
def close_request(request_id):  # expect: FL202
    Request.query.filter_by(id=request_id).delete()
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/settings/theme", methods=["POST"])
def change_theme():
    # Imported where it is used, as kickinslowly's `edit_user` does.
    from access import may_change_settings

    if not may_change_settings():
        flash("You do not have permission to change the settings.")
        return redirect(url_for("index"))
    app.config["THEME"] = request.form["theme"]
    return redirect(url_for("index"))


@app.route("/")
def index():
    return "home"
