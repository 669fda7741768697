"""Accounts created with a password written in the source (a charity app's factory, hms's
`init_db.py`): whoever reads the code logs in as them. A password read from the environment, a
hash made only to even out the timing of a failed login, and the test suite's accounts are not
reported; a script named for sample data is low."""
import os

from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import check_password_hash, generate_password_hash

db = SQLAlchemy()
DUMMY_HASH = generate_password_hash("dummy-password-for-timing")


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True)
    password_hash = db.Column(db.String(255))
    role = db.Column(db.String(20))


def create_app():
    app = Flask(__name__)
    app.config.from_prefixed_env()
    db.init_app(app)
    with app.app_context():
        db.create_all()
        if User.query.filter_by(username="admin").first() is None:
            db.session.add(
                User(
                    username="admin",
                    password_hash=generate_password_hash("admin123"),  # expect: FL305(medium)
                    role="admin",
                )
            )
        if User.query.filter_by(username="ops").first() is None:
            db.session.add(
                User(
                    username="ops",
                    password_hash=generate_password_hash(os.environ["OPS_PASSWORD"]),
                    role="admin",
                )
            )
        db.session.commit()

    @app.post("/login")
    def login():
        user = User.query.filter_by(username=request.form["username"]).first()
        stored = user.password_hash if user else DUMMY_HASH
        return {"ok": check_password_hash(stored, request.form["password"]) and user is not None}

    return app
