"""A mailing-list server (castmail2list's shape): its lists, subscribers and archived messages
belong to the instance, and every account administers all of them; no record class has an
owner, so a message id in the URL selects no user's data."""
from flask import Flask, abort
from flask_login import LoginManager, UserMixin, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model, UserMixin):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String, unique=True)


class MailingList(db.Model):
    __tablename__ = "list"
    id = db.Column(db.String, primary_key=True)
    address = db.Column(db.String)


class Subscriber(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    list_id = db.Column(db.String, db.ForeignKey("list.id"))
    address = db.Column(db.String)


class EmailIn(db.Model):
    id = db.Column(db.String, primary_key=True)
    list_id = db.Column(db.String, db.ForeignKey("list.id"))
    body = db.Column(db.Text)


def archived(message_id):
    return db.session.execute(db.text("SELECT body FROM email_in WHERE id = :id"), {"id": message_id}).scalar()


@app.get("/messages/<message_id>")
@login_required
def show(message_id):
    body = archived(message_id)
    if body is None:
        abort(404)
    return {"body": body}
