from flask import render_template, request
from flask_login import current_user, login_required


def index():
    return render_template("index.html")


@login_required
def account():
    return render_template("account.html", user=current_user)


@login_required
def change_email():
    current_user.email = request.form["email"]
    return render_template("account.html", user=current_user)
