"""The same routes where visitors sign up at `/register`, outside the admin area: whoever signs
up reaches the back office (FL204 high)."""
from flask import Flask, redirect, render_template, request
from flask_login import LoginManager, login_required, login_user
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)
    password = db.Column(db.String(60))


class Listing(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    address = db.Column(db.String(120))


@app.route("/register", methods=["GET", "POST"])
def register():
    if request.method == "POST":
        member = Member(email=request.form["email"], password=request.form["password"])
        db.session.add(member)
        db.session.commit()
        login_user(member)
        return redirect("/")
    return render_template("register.html")


@app.route("/admin/listings/add", methods=["POST"])
@login_required
def add_listing():  # expect: FL204(high)
    db.session.add(Listing(address=request.form["address"]))
    db.session.commit()
    return redirect("/admin/listings")
