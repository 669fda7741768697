from flask import Flask, redirect, request, url_for

from setup import add_admin_user, admin_pass_needs_changed

app = Flask(__name__)


@app.before_request
def force_password_change():
    if request.endpoint != "change_password" and admin_pass_needs_changed():
        return redirect(url_for("change_password"))


@app.route("/setup/admin-pass", methods=["GET", "POST"])
def change_password():
    add_admin_user()
    return "set a new password"
