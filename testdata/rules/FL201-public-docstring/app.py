"""A freelance marketplace: a handler documented as showing a public profile reads any
freelancer by id on purpose (reported low); one documented as the private dashboard is not
excused by the word "public" elsewhere in its docstring."""
from flask import Flask, redirect, render_template, url_for
from flask_login import current_user, login_required

from models import User

app = Flask(__name__)


@app.route("/freelancer/<int:user_id>")
@login_required
def view_freelancer_profile(user_id):  # expect: FL201(low)
    """View public freelancer profile"""
    user = User.query.get(user_id)
    if not user:
        return redirect(url_for("dashboard"))
    return render_template("freelancer.html", user=user)


@app.route("/earnings/<int:user_id>")
@login_required
def earnings(user_id):  # expect: FL201
    """Private earnings dashboard. Never shown on the public site."""
    user = User.query.get(user_id)
    return render_template("earnings.html", user=user, me=current_user)


@app.route("/patients/view/<int:patient_id>")
@login_required
def view_patient(patient_id):  # expect: FL201(low)
    """
    View patient details page (read-only).

    PERMISSIONS:
        @login_required: All authenticated users can view patients
    """
    patient = User.query.get_or_404(patient_id)
    return render_template("patient.html", patient=patient)


@app.route("/dashboard")
@login_required
def dashboard():
    return render_template("dashboard.html", me=current_user)
