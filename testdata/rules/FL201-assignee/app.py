"""A help desk: the user id in an assignment's body names the assignee, whom the ticket is handed
to; the id of a note in a body names a record the caller reads."""
from flask import Flask, jsonify, request
from flask_login import current_user, login_required

from models import Note, Ticket, User, db

app = Flask(__name__)


@app.route("/api/tickets", methods=["POST"])
@login_required
def assign_new_ticket():
    data = request.get_json()
    user_id = data.get("user_id")
    user = User.query.get(user_id)
    if not user:
        return jsonify(error="no such employee"), 404
    ticket = Ticket(created_by=current_user.id, status="assigned")
    ticket.assigned_to = user.id
    db.session.add(ticket)
    db.session.commit()
    return jsonify(message=f"assigned to {user.username}", ticket=ticket.id)


@app.route("/api/notes/show", methods=["POST"])
@login_required
def show_note():
    data = request.get_json()
    note_id = data.get("note_id")  # expect: FL201(medium)
    note = Note.query.get(note_id)
    return jsonify(text=note.text)
