"""A law firm's case manager (secure_law_firm's shapes): the login is a key in Flask's session,
and each view checks it itself. The dashboard answers the logged-in caller inside `if "user" in
session:` and sends everyone else to the login page after it; deleting loads the user from the
session key and redirects to the login page when there is none. Updating a case checks nothing:
the finding."""
import os

from flask import Flask, flash, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from models import Case, SessionLocal, Worker

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        with SessionLocal() as db:
            user = db.query(Worker).filter_by(email=request.form["email"]).first()
            if user and check_password_hash(user.password, request.form["password"]):
                session["user"] = user.id
                return redirect(url_for("dashboard"))
    return render_template("login.html")


@app.route("/dashboard")
def dashboard():
    if "user" in session:
        with SessionLocal() as db:
            user = db.query(Worker).get(session["user"])
            cases = db.query(Case).filter(Case.worker_id == user.id).all()
            return render_template("dashboard.html", cases=cases)

    return redirect(url_for("login"))


@app.route("/delete_case/<int:case_id>", methods=["POST"])
def delete_case(case_id):
    with SessionLocal() as db:
        user = db.query(Worker).get(session.get("user"))
        if not user:
            flash("You must be logged in to perform this action.", "danger")
            return redirect(url_for("login"))
        if user.role != "admin":
            flash("Only administrators delete cases.", "danger")
            return redirect(url_for("dashboard"))
        db.delete(db.query(Case).get(case_id))
        db.commit()
    return redirect(url_for("dashboard"))


@app.route("/cases/<int:case_id>/update", methods=["POST"])
def update_case(case_id):  # expect: FL202
    with SessionLocal() as db:
        case = db.query(Case).get(case_id)
        case.case_title = request.form["case_title"]
        db.commit()
    return redirect(url_for("dashboard"))


@app.route("/")
def index():
    # Sends visitors on by their login, and shows nothing: it reads no record.
    if "user" in session:
        return redirect(url_for("dashboard"))
    return redirect(url_for("login"))
