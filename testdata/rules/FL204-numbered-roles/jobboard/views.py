"""A job board (jobplus's shapes): people and companies sign up with a fixed role number, the
role constants name which number is the administrator's, and the role decorators are names
bound to what one factory returns."""
from flask import Flask, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.security import generate_password_hash

from jobboard.decorators import admin_required, company_required, person_required
from jobboard.models import Job, User, db

app = Flask(__name__)


@app.route("/register_user", methods=["GET", "POST"])
def register_user():
    user = User(email=request.form["email"])
    user.password = generate_password_hash(request.form["password"])
    user.role = 10
    db.session.add(user)
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/register_company", methods=["GET", "POST"])
def register_company():
    user = User(email=request.form["email"])
    user.password = generate_password_hash(request.form["password"])
    user.role = 20
    db.session.add(user)
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/register_moderator", methods=["POST"])
def register_moderator():  # expect: FL204(critical)
    user = User(email=request.form["email"])
    user.password = generate_password_hash(request.form["password"])
    user.role = 30
    db.session.add(user)
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/company/admin/jobs", methods=["GET", "POST"])
@company_required
def company_jobs():
    job = Job(title=request.form["title"], user_id=current_user.id)
    db.session.add(job)
    db.session.commit()
    return render_template("jobs.html", jobs=Job.query.filter_by(user_id=current_user.id))


@app.route("/admin/users/<int:user_id>/delete", methods=["POST"])
@admin_required
def delete_user(user_id):
    db.session.delete(User.query.get_or_404(user_id))
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/jobs/<int:job_id>/delete", methods=["POST"])
@person_required
def delete_job(job_id):  # expect: FL201
    job = Job.query.get_or_404(job_id)
    db.session.delete(job)
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/")
def index():
    return render_template("index.html", jobs=Job.query.all())
