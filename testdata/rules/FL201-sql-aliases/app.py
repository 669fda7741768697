"""CS50-project's room browser: the SQL joins the rooms with their members to count them, but
the floor id selects rooms (`WHERE r.floor_id = ?`, `r` being `rooms`), which nobody owns. A
note selected by its alias's id is still another user's note."""
from cs50 import SQL
from flask import Flask, render_template, session
from flask_login import login_required

app = Flask(__name__)
db = SQL("sqlite:///hostel.db")

db.execute("CREATE TABLE rooms (id INTEGER PRIMARY KEY, floor_id INTEGER, capacity INTEGER)")
db.execute("CREATE TABLE room_members (room_id INTEGER, student_id INTEGER)")
db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id INTEGER, body TEXT)")
db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")


@app.route("/rooms/<int:floor_id>")
@login_required
def floor_rooms(floor_id):
    rooms = db.execute(
        """
        SELECT r.id, r.capacity, COUNT(rm.student_id) AS occupied
        FROM rooms r
        LEFT JOIN room_members rm ON r.id = rm.room_id
        WHERE r.floor_id = ?
        GROUP BY r.id
        """,
        floor_id,
    )
    return render_template("rooms.html", rooms=rooms, me=session["user_id"])


@app.route("/notes/<int:note_id>")
@login_required
def show_note(note_id):  # expect: FL201
    note = db.execute(
        "SELECT n.body, u.name FROM notes AS n JOIN users u ON n.user_id = u.id WHERE n.id = ?",
        note_id,
    )
    return render_template("note.html", note=note, me=session["user_id"])
