"""A fundraising CRM (Skraggle's shapes) and an annotation tool's sign-up (coco-annotator's).

- `create_admin` / `delete_admin` make and delete `AdminDonations` rows, a donation's
  administration details: the word names a kind of record. Silent. `delete_admin_account`
  deletes an `Admin` account by id: administrative, reported.
- `GET /admin/refresh` exchanges a refresh token for an access token: a credential exchange.
  Silent.
- `GET /contacts/profile/admin` answers a placeholder dict of constants: it shows no one's
  data. Silent. `GET /admin/audit` reads every account: reported.
- The sign-up counts the accounts into a local and makes the first one the administrator
  (`if users == 0:`): the application's bootstrap. Silent. The staff sign-up tests a number
  the form sends instead: reported.
"""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    get_jwt_identity,
    jwt_required,
)
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
db = SQLAlchemy(app)
JWTManager(app)


class Admin(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))
    is_admin = db.Column(db.Boolean, default=False)


class UserModel(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80))
    is_admin = db.Column(db.Boolean, default=False)


class AdminDonations(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))
    contact = db.Column(db.Integer)


@app.post("/register")
def register():
    users = UserModel.query.count()
    user = UserModel(username=request.form["username"])
    if users == 0:
        user.is_admin = True
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id)


@app.post("/staff/register")
def staff_register():  # expect: FL204(critical)
    first = int(request.form.get("first", 1))
    user = UserModel(username=request.form["username"])
    if first == 0:
        user.is_admin = True
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id)


@app.post("/donations/create-admin")
@jwt_required()
def create_admin():
    data = request.get_json()
    record = AdminDonations(name=data["name"], contact=data["contact_id"])
    db.session.add(record)
    db.session.commit()
    return jsonify(id=record.id)


@app.delete("/donations/delete-admin/<int:admin_id>")
@jwt_required()
def delete_admin(admin_id):
    record = AdminDonations.query.filter_by(id=admin_id).one_or_none()
    db.session.delete(record)
    db.session.commit()
    return jsonify(deleted=True)


@app.delete("/accounts/<int:account_id>")
@jwt_required()
def delete_admin_account(account_id):  # expect: FL204(high)
    account = Admin.query.get_or_404(account_id)
    db.session.delete(account)
    db.session.commit()
    return jsonify(deleted=True)


@app.get("/admin/refresh")
@jwt_required(refresh=True)
def refresh_user_access_token():
    return jsonify(access=create_access_token(identity=get_jwt_identity()))


@app.get("/contacts/profile/admin")
@jwt_required()
def admin():
    data = {"id": 0, "priority": (1,), "assignee": ("NA",), "subscription": "NA"}
    return jsonify(data)


@app.get("/admin/audit")
@jwt_required()
def audit():  # expect: FL204(low)
    return jsonify([account.email for account in Admin.query.all()])
