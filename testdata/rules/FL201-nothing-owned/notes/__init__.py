"""A notes app beside it, whose notes have an owner: a message id it reads without the caller is
still another user's data."""
from flask import Flask, abort
from flask_login import LoginManager, UserMixin, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class Account(db.Model, UserMixin):
    id = db.Column(db.Integer, primary_key=True)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("account.id"))
    body = db.Column(db.Text)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    label = db.Column(db.String)


def stored(message_id):
    return db.session.execute(db.text("SELECT body FROM inbox WHERE id = :id"), {"id": message_id}).scalar()


@app.get("/messages/<message_id>")
@login_required
def show(message_id):  # expect: FL201
    body = stored(message_id)
    if body is None:
        abort(404)
    return {"body": body}
