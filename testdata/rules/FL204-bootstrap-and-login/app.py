"""A library's site (library_website, Library-Management-System shapes). The first account
to register becomes the administrator and no later one: the application's bootstrap, not a
grant. An administrator's login writes `Admin` into the token it mints after checking the
password: it describes the account that proved itself. A sign-up that makes every visitor an
administrator, and one that logs its new account in afterwards, still grant."""
import datetime
import os

import jwt
from flask import Flask, jsonify, redirect, request
from flask_login import LoginManager, login_required, login_user
from werkzeug.security import check_password_hash, generate_password_hash

from models import Admin, User, db

app = Flask(__name__)
login_manager = LoginManager(app)
SECRET = os.environ["SECRET_KEY"]


@app.route("/register", methods=["GET", "POST"])
def register():
    password = generate_password_hash(request.form["password"])
    if User.query.count() == 0:
        user = User(username=request.form["username"], password=password, admin=True)
    else:
        user = User(username=request.form["username"], password=password, admin=False)
    db.session.add(user)
    db.session.commit()
    return redirect("/login")


@app.route("/AdminLogin", methods=["POST"])
def admin_login():
    data = request.get_json()
    user = validate_admin(data["email"], data["password"])
    if user:
        user["expiration"] = str(datetime.datetime.now() + datetime.timedelta(minutes=30))
        user["Admin"] = "true"
        return jsonify(token=jwt.encode(user, SECRET, algorithm="HS256"))
    return jsonify(status="false"), 401


def validate_admin(email, password):
    admin = Admin.query.filter_by(email=email).first()
    if admin is None or not check_password_hash(admin.password, password):
        return None
    return {"id": admin.id, "email": admin.email}


@app.route("/register-staff", methods=["POST"])
def register_staff():  # expect: FL204(critical)
    user = User(username=request.form["username"], password=generate_password_hash(request.form["password"]))
    user.admin = True
    db.session.add(user)
    db.session.commit()
    login_user(user)
    return redirect("/")


@app.route("/books")
@login_required
def books():
    return jsonify(books=[])
