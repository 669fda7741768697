"""tusome-academy's payroll: `Employee` rows (names, bank accounts, a job title in `role`) have
no password and nobody logs in as one; the accounts are `User` rows. An open route making an
`Employee` whose role the form picks grants nobody anything (FL204 silent; FL202 still reports
the open write). One making a `User` with the role the form picks lets anyone make themselves an
administrator. As in tusome-academy, the module uses `Employee` without importing it (the class
is found by its name among the project's models)."""
from flask import Flask, redirect, request
from flask_login import LoginManager, login_required
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField

from models import User, db

app = Flask(__name__)
db.init_app(app)
login_manager = LoginManager(app)


ROLES = [("teacher", "Teacher"), ("admin", "Administrator"), ("cook", "Cook")]


class EmployeeForm(FlaskForm):
    first_name = StringField("First name")
    bank_account = StringField("Bank account")
    role = SelectField("Job", choices=ROLES)


class UserForm(FlaskForm):
    email = StringField("Email")
    password = StringField("Password")
    role = SelectField("Role", choices=ROLES)


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


@app.route("/employees/create", methods=["GET", "POST"])
def create_employee():  # expect: FL202
    form = EmployeeForm()
    if form.validate_on_submit():
        employee = Employee(
            first_name=form.first_name.data,
            bank_account=form.bank_account.data,
            role=form.role.data,
        )
        db.session.add(employee)
        db.session.commit()
    return redirect("/employees")


@app.route("/users/create", methods=["GET", "POST"])
def create_user():  # expect: FL202, FL204(medium)
    form = UserForm()
    if form.validate_on_submit():
        user = User(email=form.email.data, password_hash=form.password.data, role=form.role.data)
        db.session.add(user)
        db.session.commit()
    return redirect("/users")


@app.get("/employees")
@login_required
def list_employees():
    return {"employees": [employee.first_name for employee in Employee.query.all()]}
