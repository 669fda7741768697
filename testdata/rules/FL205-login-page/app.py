"""Employee portal: a stray `@login_required` above the login page's route never runs, and the
login page must stay open anyway; above the payroll page's route it leaves payroll open."""
from flask import Flask, redirect, render_template, request, session
from flask_login import LoginManager, UserMixin, login_required, login_user

app = Flask(__name__)
login_manager = LoginManager(app)
PAYROLL = {"alice": 5000}


class Employee(UserMixin):
    def __init__(self, name):
        self.id = name

    @staticmethod
    def find(name, password):
        return Employee(name) if name in PAYROLL and password else None


@login_manager.user_loader
def load_user(name):
    return Employee(name)


@login_required  # expect: FL205(low)
@app.route("/employee-login", methods=["GET", "POST"])
def employee_login():
    if session.get("user_id"):
        return redirect("/payroll")
    if request.method == "POST":
        employee = Employee.find(request.form["name"], request.form["password"])
        if employee:
            login_user(employee)
            return redirect("/payroll")
    return render_template("login.html")


@login_required  # expect: FL205
@app.route("/payroll", methods=["GET", "POST"])
def payroll():
    if request.method == "POST":
        PAYROLL[request.form["name"]] = int(request.form["amount"])
    return render_template("payroll.html", payroll=PAYROLL)
