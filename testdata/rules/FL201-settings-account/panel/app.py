"""A hotspot's admin panel (XpycTee/Hotspot's shape): its only login compares the form with the
account the settings hold, then marks the session. Every caller the session check admits is that
one operator, who manages every guest and employee record by design: the id findings are low and
the admin routes need no role check."""
from functools import wraps

from flask import Flask, current_app, jsonify, redirect, request, session, url_for
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)


class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    phone = db.Column(db.String)
    user_id = db.Column(db.Integer)


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("is_authenticated"):
            return redirect(url_for("login_page"))
        return view(*args, **kwargs)

    return wrapper


@app.get("/admin/login")
def login_page():
    return "<form method=post action=/admin/auth>...</form>"


@app.post("/admin/auth")
def auth():
    username = request.form.get("username")
    password = request.form.get("password")
    admin = current_app.config.get("ADMIN", {})
    if admin and username == admin.get("username") and password == admin.get("password"):
        session["is_authenticated"] = True
        return redirect("/admin/panel")
    return redirect(url_for("login_page"))


@app.post("/admin/logout")
def logout():
    session["is_authenticated"] = False
    return redirect(url_for("login_page"))


@app.post("/admin/employees/<int:employee_id>/delete")
@login_required
def delete_employee(employee_id):  # expect: FL201(low)
    employee = Employee.query.get_or_404(employee_id)
    db.session.delete(employee)
    db.session.commit()
    return jsonify(ok=True)


@app.post("/admin/settings/reset")
@login_required
def reset_settings():
    Employee.query.delete()
    db.session.commit()
    return jsonify(ok=True)
