from functools import wraps

from flask import Flask, abort, jsonify, redirect, request, session, url_for

from models import Contact, Employee, LeaveEntry, Patient, Student, db

app = Flask(__name__)


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if "user_id" not in session:
            return redirect(url_for("login"))
        return view(*args, **kwargs)

    return wrapped


@app.route("/login", methods=["GET", "POST"])
def login():
    return "login form"


@app.route("/employee/<int:emp_id>/export")
@login_required
def export_employee(emp_id):
    employee = Employee.query.get_or_404(emp_id)
    return jsonify(name=employee.first_name, phone=employee.contact_number)


@app.route("/employees/remove", methods=["POST"])
@login_required
def remove_employee():
    employee = Employee.query.filter_by(employee_id=request.form["employee_id"]).first()
    if employee is None:
        abort(404)
    employee.status = "left"
    db.session.commit()
    return redirect(url_for("login"))


@app.route("/patients/<int:patient_id>")
@login_required
def patient_record(patient_id):  # expect: FL201
    patient = Patient.query.get_or_404(patient_id)
    return jsonify(email=patient.email)


@app.route("/students/<int:student_id>")
@login_required
def student_record(student_id):  # expect: FL201
    student = Student.query.get_or_404(student_id)
    return jsonify(grade=student.grade)


@app.route("/leaves/<int:leave_id>")
@login_required
def leave_entry(leave_id):
    entry = LeaveEntry.query.get_or_404(leave_id)
    return jsonify(days=entry.days)


@app.route("/contacts/<int:contact_id>")
@login_required
def contact_card(contact_id):  # expect: FL201
    contact = Contact.query.get_or_404(contact_id)
    return jsonify(phone=contact.phone)
