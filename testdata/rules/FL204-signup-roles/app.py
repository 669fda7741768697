"""Sign-ups that make a login account with a role (Hospital-Network, WorkZen, BasicAccounting).
The visitor sends the password of the account they make: a role the code names that grants no
privilege (`role="BENHNHAN"`, patient) is the sign-up's own role; a role the visitor chooses
(`request.form.get("role", "Admin")`, through a local) or a field that names the privilege
(`admin="3"`) is a grant to anyone. The owner of one thing of the visitor's own
(`restaurant_owner`) is an account kind; a route handing out accounts with a password it makes
up grants nothing more than signing up when it gives the sign-ups' role, and a staff account
(`DOCTOR`) otherwise."""
import json
import os

from flask import Flask, redirect, request
from werkzeug.security import generate_password_hash

from models import Users, db

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]


@app.post("/register")
def register():
    password = request.form["password"]
    user = Users(
        username=request.form["username"],
        password=generate_password_hash(password),
        role="BENHNHAN",
    )
    db.session.add(user)
    db.session.commit()
    return redirect("/login")


@app.route("/auth/register", methods=["GET", "POST"])
def register_staff():  # expect: FL204(critical)
    password = request.form.get("password", "")
    role = request.form.get("role", "Admin")
    if role not in ["Admin", "HR Officer", "Payroll Officer", "Employee"]:
        return "invalid role", 400
    user = Users(username=request.form["email"], role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return redirect("/login")


@app.post("/api/auth/register")
def register_api():  # expect: FL204(critical)
    # A gym's API: the role checked against a list of valid roles (owner among them) in the
    # JSON body is still the visitor's choice.
    data = request.get_json()
    valid_roles = ["owner", "branch_manager", "receptionist", "customer"]
    if data["role"] not in valid_roles:
        return {"error": "Invalid role"}, 400
    user = Users(username=data["username"], role=data["role"])
    user.set_password(data["password"])
    db.session.add(user)
    db.session.commit()
    return {"ok": True}, 201


@app.post("/verify-account")
def verify_account():  # expect: FL204(critical)
    password = generate_password_hash(request.form["password"])
    db.session.add(Users(username=request.form["email"], password=password, admin="3"))
    db.session.commit()
    return redirect("/login")


@app.post("/accounts")
def open_bank_account():
    # A bank account's type, where no login account is made: no privilege.
    account_type = request.form.get("account_type", "checking")
    db.session.add(Ledger(name=request.form["name"], account_type=account_type))
    db.session.commit()
    return redirect("/accounts")


class Ledger(db.Model):
    id = db.Column(db.Integer, primary_key=True)


@app.post("/register-candidate")
def register_candidate():
    # The visitor's data arrives as one JSON form field (soft-engg): still their own password.
    user_data = json.loads(request.form["user_data"])
    db.session.add(Users(username=user_data["email"], password=generate_password_hash(user_data["password"]), role="CANDIDATE"))
    db.session.commit()
    return redirect("/login")


@app.post("/owner/signup")
def owner_signup():
    # RestaurantCMS: every tenant signs up as the owner of their own restaurant, an account
    # kind, not the site's owner.
    user = Users(username=request.form["email"], role="restaurant_owner")
    user.set_password(request.form["password"])
    db.session.add(user)
    db.session.commit()
    return redirect("/owner")


@app.post("/registration/apply")
def apply_for_registration():
    # Auto-approved: the same kind of account the sign-ups give, with a made-up password.
    temporary = os.urandom(12).hex()
    user = Users(username=request.form["email"], role="restaurant_owner")
    user.set_password(temporary)
    db.session.add(user)
    db.session.commit()
    return redirect("/registration/sent")


@app.post("/auth/register_patient/<patient_id>")
def register_patient(patient_id):
    # Hospital-Network: a patient's account, the role `/register` gives.
    db.session.add(Users(username="p" + patient_id, password=generate_password_hash(patient_id), role="BENHNHAN"))
    db.session.commit()
    return redirect("/login")


@app.post("/auth/register_doctor")
def register_doctor():  # expect: FL204(critical)
    # ...while anyone may mint a doctor's account with a password the code makes up.
    ref_id = Users.query.count()
    db.session.add(Users(username=f"b{ref_id}", password=generate_password_hash(str(ref_id)), role="DOCTOR"))
    db.session.commit()
    return redirect("/login")


@app.post("/site/claim")
def claim_site():  # expect: FL204(critical)
    # The site's owner is no tenant's account kind.
    user = Users(username=request.form["email"], role="site_owner")
    user.set_password(request.form["password"])
    db.session.add(user)
    db.session.commit()
    return redirect("/")


@app.post("/api/v1/auth/register")
def register_rider():  # expect: FL204(critical)
    # safedrive: the role read from the body through a local, and compared with `"admin"` to
    # skip the phone check, is the visitor's choice, not a check of the caller's role.
    data = request.get_json()
    role = data["role"]
    phone = data.get("phone")
    if role != "admin" and not phone:
        return {"error": "phone required"}, 400
    user = Users(username=data["email"], role=role)
    user.set_password(data["password"])
    db.session.add(user)
    db.session.commit()
    return {"ok": True}, 201
