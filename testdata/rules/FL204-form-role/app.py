"""A sign-up form's role field: the visitor posts it, and WTForms accepts any of the field's
choices. Offering `Admin` lets anyone register as an administrator (Club-System, critical);
choices naming only ordinary kinds of account grant nothing. The owner of an organisation the
visitor creates in the same request (Shuleni's school owner) is low: the role is over that new
school wherever the app's checks compare the school too."""
from flask import Flask, abort, jsonify, redirect, request
from flask_login import LoginManager, current_user, login_required
from werkzeug.security import generate_password_hash

from forms import MemberForm, RegistrationForm

app = Flask(__name__)
login_manager = LoginManager(app)
DB = None
ROLES = {"student": 1, "teacher": 2, "Student": 1, "ClubLeader": 3, "Admin": 9}


class User:
    def __init__(self, **fields):
        self.__dict__.update(fields)


class School:
    def __init__(self, **fields):
        self.__dict__.update(fields)


@app.route("/admin/clubs")
@login_required
def admin_clubs():
    if current_user.role != "Admin":
        abort(403)
    return jsonify([])


@app.route("/register", methods=["GET", "POST"])
def register():  # expect: FL204(critical)
    form = RegistrationForm()
    if form.validate_on_submit():
        user = User(
            email=form.email.data,
            role=form.role.data,
            password_hash=generate_password_hash(form.password.data),
        )
        DB.add(user)
        # Picking the profile for the role asked for is no check of the caller.
        if form.role.data == "Student":
            DB.add_profile(user)
        return redirect("/login")
    return "form"


@app.route("/register/member", methods=["GET", "POST"])
def register_member():
    form = MemberForm()
    if form.validate_on_submit():
        DB.add(User(role=form.role.data, password_hash=generate_password_hash(form.password.data)))
        return redirect("/login")
    return "form"


# Paper-CMS: the posted choice looked up in the project's role enum (`UserRole[...]`) is still
# one of the field's choices.
@app.route("/register/author", methods=["GET", "POST"])
def register_author():
    form = MemberForm()
    if form.validate_on_submit():
        DB.add(User(role=ROLES[form.role.data], password_hash=generate_password_hash(form.password.data)))
        return redirect("/login")
    return "form"


@app.route("/register/club", methods=["GET", "POST"])
def register_club():  # expect: FL204(critical)
    form = RegistrationForm()
    if form.validate_on_submit():
        DB.add(User(role=ROLES[form.role.data], password_hash=generate_password_hash(form.password.data)))
        return redirect("/login")
    return "form"


@app.post("/register/owner")
def register_owner():  # expect: FL204(low)
    data = request.get_json()
    school = School(name=data["school_name"])
    DB.add(school)
    DB.add(User(email=data["email"], role="owner", school_id=school.id, password=data["password"]))
    return {"message": "created"}, 201
