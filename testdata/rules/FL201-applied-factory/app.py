"""A point-of-sale back office (aboro72's flask-pos): `manager_required` applies a permission
factory for its caller (`return permission_required(Permission.MANAGER)(f)`), a role check as
much as `@permission_required(Permission.MANAGER)` written on the view; the user pages behind
it are the managers' to run. `user_required`, the same factory for the permission every account
has, checks nothing about whose record the id selects."""
from functools import wraps

from flask import Flask, flash, redirect, render_template, url_for
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
login_manager = LoginManager(app)
db = SQLAlchemy(app)


class Permission:
    USER = 1
    MANAGER = 4


class User(db.Model):
    user_id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64))
    password_hash = db.Column(db.String(128))


class Receipt(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.user_id"))
    total = db.Column(db.Integer)


def permission_required(permission):
    def decorator(f):
        @wraps(f)
        def decorated_function(*args, **kwargs):
            if not current_user.can(permission):
                flash("You may not open this page")
                return redirect(url_for("index"))
            return f(*args, **kwargs)

        return decorated_function

    return decorator


def user_required(f):
    return permission_required(Permission.USER)(f)


def manager_required(f):
    return permission_required(Permission.MANAGER)(f)


@app.get("/")
@login_required
def index():
    return render_template("index.html")


@app.get("/users/<id>/view/")
@login_required
@manager_required
def get_user(id):
    user = User.query.filter(User.user_id == id).first()
    return render_template("user.html", user=user)


@app.get("/receipts/<int:receipt_id>")
@login_required
@user_required
def get_receipt(receipt_id):  # expect: FL201
    receipt = Receipt.query.get_or_404(receipt_id)
    return render_template("receipt.html", receipt=receipt)
