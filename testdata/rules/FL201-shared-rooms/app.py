"""calichat's rooms: `GET /rooms` lists every room to every logged-in user, so the messages of
the room a URL names are shared with whoever may open it: reading them by the room's id is low.
flack's message view says in its docstring that it is publicly available: low too. A room of a
kind no route lists, read by its id, stays high."""
import os

from flask import Flask, jsonify, render_template
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Room(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(120))


class Vault(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(120))


class Message(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    room_id = db.Column(db.Integer, db.ForeignKey("room.id"))
    vault_id = db.Column(db.Integer, db.ForeignKey("vault.id"))
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    body = db.Column(db.Text)

    def to_dict(self):
        return {"id": self.id, "body": self.body}


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


@app.get("/rooms")
@login_required
def room_list():
    return render_template("rooms.html", rooms=Room.query.order_by(Room.title).all())


@app.get("/rooms/<int:room_id>/messages")
@login_required
def room_messages(room_id):  # expect: FL201(low)
    messages = Message.query.filter_by(room_id=room_id).all()
    return jsonify([message.to_dict() for message in messages])


@app.get("/messages/<int:message_id>")
@login_required
def get_message(message_id):  # expect: FL201(low)
    """Return a message. This endpoint is publicly available."""
    return jsonify(Message.query.get_or_404(message_id).to_dict())


@app.get("/vaults/<int:vault_id>/messages")
@login_required
def vault_messages(vault_id):  # expect: FL201(high)
    messages = Message.query.filter_by(vault_id=vault_id).all()
    return jsonify([message.to_dict() for message in messages])
