"""Local-Farmers-Market-Hub's "become a farmer" form: a visitor applies, and the handler makes
an account with the role the code names (`UserRole.FARMER`, a member of the project's role
enum), not yet approved. No privilege is granted (FL204 silent) and an application awaiting
approval is open by design, as a sign-up is (FL202 silent). A form that makes an approved
administrator, or one that names the administrator's member, is still reported."""
import enum

from flask import Flask, redirect, request
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class UserRole(enum.Enum):
    BUYER = "buyer"
    FARMER = "farmer"
    ADMIN = "admin"


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String)
    role = db.Column(db.Enum(UserRole))
    is_approved = db.Column(db.Boolean)


@app.route("/become-farmer", methods=["GET", "POST"])
def become_farmer():
    if request.method == "POST":
        new_user = User()
        new_user.email = request.form.get("email")
        new_user.role = UserRole.FARMER
        new_user.is_approved = False
        db.session.add(new_user)
        db.session.commit()
    return "Your application has been submitted"


@app.route("/become-admin", methods=["POST"])
def become_admin():  # expect: FL202, FL204
    new_user = User()
    new_user.email = request.form.get("email")
    new_user.role = UserRole.ADMIN
    db.session.add(new_user)
    db.session.commit()
    return redirect("/")


# SuperviseMe's Google callback: the account it makes is a student's, disabled until an
# administrator enables it.
@app.route("/login/google/callback")
def google_callback():
    user = User(email=request.args.get("email"), role="student", is_approved=False)
    db.session.add(user)
    db.session.commit()
    return redirect("/")


@app.route("/login/partner/callback")
def partner_callback():  # expect: FL204
    user = User(email=request.args.get("email"), role="manager", is_approved=False)
    db.session.add(user)
    db.session.commit()
    return redirect("/")


@app.route("/dashboard")
@login_required
def dashboard():
    return "ok"
