"""Sign-ups (mail-system's shape) that make the first account the administrator by value:
`is_first = User.query.count() == 0`, then `user.is_admin = is_first`, or app-laundry's
`user.role = "super_admin" if is_first_user else "user"`. Only the first visitor of an empty
database gets it, which is the application's own bootstrap. A conditional value whose other
branch grants too, or whose test is the visitor's choice, is not."""
from flask import Flask, redirect, request
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String)
    is_admin = db.Column(db.Boolean, default=False)
    role = db.Column(db.String, default="user")


@app.post("/signup")
def signup():
    is_first_user = User.query.count() == 0
    user = User(username=request.form["username"])
    user.is_admin = is_first_user
    db.session.add(user)
    db.session.commit()
    return redirect("/login")


@app.post("/sign-up")
def sign_up():
    user = User(username=request.form["username"])
    user.is_admin = User.query.count() == 0
    db.session.add(user)
    db.session.commit()
    return redirect("/login")


@app.post("/signup/staff")
def signup_staff():
    user_count = User.query.count()
    is_first_user = user_count == 0
    user = User(username=request.form["username"])
    user.role = "super_admin" if is_first_user else "user"
    db.session.add(user)
    db.session.commit()
    return redirect("/login")


@app.post("/signup/boss")
def signup_boss():  # expect: FL204(medium)
    user = User(username=request.form["username"])
    user.role = "super_admin" if request.form.get("boss") else "user"
    db.session.add(user)
    db.session.commit()
    return redirect("/login")


@app.post("/register")
def register():  # expect: FL204(critical)
    # A flag the visitor sends is a choice, not a bootstrap.
    user = User(username=request.form["username"])
    user.is_admin = request.form.get("admin") == "on"
    db.session.add(user)
    db.session.commit()
    return redirect("/login")


@app.get("/home")
@login_required
def home():
    return "home"
