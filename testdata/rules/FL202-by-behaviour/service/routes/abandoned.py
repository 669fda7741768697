from flask import request

from ..server import app

NOTES = {}


@app.route("/api/notes/<int:note_id>", methods=["PUT"])
def replace_note(note_id):  # expect: FL202(low)
    NOTES[note_id] = request.form["text"]
    return "", 204
