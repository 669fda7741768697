import os
from functools import wraps

import flask as fl
from flask_sqlalchemy import SQLAlchemy

app = fl.Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if "user_id" not in fl.session:
            return fl.redirect(fl.url_for("login"))
        return view(*args, **kwargs)

    return wrapped


def with_transaction(view):
    # Trap: SQLAlchemy's session says nothing of who is logged in.
    @wraps(view)
    def wrapped(*args, **kwargs):
        if "pending" not in db.session:
            return fl.redirect(fl.url_for("login"))
        return view(*args, **kwargs)

    return wrapped


@app.route("/login", methods=["GET", "POST"])
def login():
    return fl.render_template("login.html")


@app.route("/animals", methods=["POST"])
@login_required
def add_animal():
    db.session.execute(db.text("INSERT INTO animal (name) VALUES (:n)"), {"n": fl.request.form["name"]})
    db.session.commit()
    return fl.redirect(fl.url_for("login"))


@app.route("/vaccines/<int:vaccine_id>/delete", methods=["POST"])
@with_transaction
def delete_vaccine(vaccine_id):  # expect: FL202
    db.session.execute(db.text("DELETE FROM vaccine WHERE id = :id"), {"id": vaccine_id})
    db.session.commit()
    return fl.redirect(fl.url_for("login"))
