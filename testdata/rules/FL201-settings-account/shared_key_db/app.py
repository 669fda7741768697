"""Trap: the same session key is stored by a login that looks an account up in the database, so
the session check admits every account of the table, not one operator's."""
import os
from functools import wraps

from flask import Flask, jsonify, redirect, request, session
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String)
    password = db.Column(db.String)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if "logged_in" not in session:
            return redirect("/login")
        return view(*args, **kwargs)

    return wrapper


@app.post("/admin-login")
def admin_login():
    if request.form.get("password") == os.environ.get("ADMIN_PASSWORD"):  # expect: FL206
        session["logged_in"] = True
        return redirect("/")
    return redirect("/admin-login")


@app.post("/register")
def register():
    user = User(name=request.form["name"], password=request.form["password"])
    db.session.add(user)
    db.session.commit()
    return redirect("/login")


@app.post("/login")
def login():
    user = User.query.filter_by(name=request.form["name"]).first()
    if user and user.password == request.form["password"]:
        session["logged_in"] = True
        session["user_id"] = user.id
        return redirect("/")
    return redirect("/login")


@app.post("/notes/<int:note_id>/delete")
@login_required
def delete_note(note_id):  # expect: FL201
    note = Note.query.get_or_404(note_id)
    db.session.delete(note)
    db.session.commit()
    return jsonify(ok=True)
