"""A tutoring marketplace: members browse the tutors the news feed lists and open one tutor's
profile by id. The profile route answers only accounts marked as tutors, which the feed
already shows every member, so it is a directory entry (reported low); the route opening
any account's messages by id is not."""
from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from models import Message, User

app = Flask(__name__)


@app.route("/newsfeed")
@login_required
def newsfeed():
    query = User.query.filter_by(is_tutor=True)
    subject = request.args.get("subject")
    if subject:
        query = query.filter(User.subjects.ilike(f"%{subject}%"))
    return render_template("newsfeed.html", tutors=query.all())


@app.route("/tutor/<int:tutor_id>")
@login_required
def tutor_profile(tutor_id):  # expect: FL201(low)
    tutor = User.query.get_or_404(tutor_id)
    if not tutor.is_tutor:
        flash("This user is not a tutor")
        return redirect(url_for("newsfeed"))
    return render_template("tutor_profile.html", tutor=tutor)


@app.route("/student/<int:student_id>")
@login_required
def student_profile(student_id):  # expect: FL201
    student = User.query.get_or_404(student_id)
    if not student.is_student:
        return redirect(url_for("newsfeed"))
    return render_template("student_profile.html", student=student)


@app.route("/messages/<int:user_id>")
@login_required
def messages(user_id):  # expect: FL201
    rows = Message.query.filter_by(recipient_id=user_id).all()
    return render_template("messages.html", rows=rows, me=current_user)
