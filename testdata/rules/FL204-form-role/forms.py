from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField


class AccountForm(FlaskForm):
    email = StringField("Email")
    password = PasswordField("Password")


class RegistrationForm(AccountForm):
    role = SelectField(
        "Role",
        choices=[("Student", "Student"), ("ClubLeader", "Club Leader"), ("Admin", "Admin")],
    )


class MemberForm(AccountForm):
    role = SelectField("Role", choices=["student", "teacher"])
