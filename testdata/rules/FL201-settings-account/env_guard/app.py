"""A single-operator console whose login refuses first (`if ... != os.environ[...]: return`) and
marks the session after: the one account is the operator's, so the id finding is low."""
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


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("logged_in"):
            return redirect("/")
        return view(*args, **kwargs)

    return wrapper


@app.post("/operator")
def operator_login():
    if request.form.get("password") != os.environ["OPERATOR_PASSWORD"]:
        return redirect("/")
    session["logged_in"] = True
    return redirect("/")


@app.post("/notes/<int:note_id>/delete")
@login_required
def delete_note(note_id):  # expect: FL201(low)
    note = Note.query.get_or_404(note_id)
    db.session.delete(note)
    db.session.commit()
    return jsonify(ok=True)
