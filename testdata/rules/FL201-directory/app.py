"""A member directory: every logged-in user may list every user (GET /users, no owner filter),
so reading one user, or their followers, by id through the same serializer shows nothing the
list does not (microblog's API, Timesketch's user directory). Owned records listed whole to
everyone are shared by design or leaked by the listing: reading one by id is low, naming it."""
from flask import Flask, jsonify
from flask_login import current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String)
    email = db.Column(db.String)

    def to_dict(self):
        # The e-mail address is shown to every member in the directory, by design.
        return {"id": self.id, "username": self.username, "email": self.email}


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    text = db.Column(db.String)

    def to_dict(self):
        return {"id": self.id, "text": self.text}


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    total = db.Column(db.Integer)

    def to_dict(self):
        return {"id": self.id, "total": self.total}


@app.get("/users")
@login_required
def list_users():
    return jsonify([user.to_dict() for user in User.query.all()])


@app.get("/users/<int:user_id>")
@login_required
def get_user(user_id):
    return jsonify(User.query.get_or_404(user_id).to_dict())


@app.get("/users/<int:user_id>/followers")
@login_required
def get_followers(user_id):
    user = User.query.get_or_404(user_id)
    return jsonify([follower.to_dict() for follower in user.followers])


@app.get("/notes")
@login_required
def list_notes():
    return jsonify([note.to_dict() for note in Note.query.all()])


@app.get("/notes/<int:note_id>")
@login_required
def get_note(note_id):  # expect: FL201(low)
    return jsonify(Note.query.get_or_404(note_id).to_dict())


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    email = db.Column(db.String)

    def to_dict(self):
        return {"id": self.id, "email": self.email}


@app.get("/members")
@login_required
def list_members():
    # Trap: the list shows the caller's own members only, so an id in the URL reaches what the
    # list does not.
    return jsonify([m.to_dict() for m in Member.query.filter_by(owner_id=current_user.id)])


@app.get("/members/<int:member_id>")
@login_required
def get_member(member_id):  # expect: FL201
    return jsonify(Member.query.get_or_404(member_id).to_dict())
