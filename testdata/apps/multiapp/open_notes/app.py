# An app that authenticates nothing: no route here is "missing" authentication the others have.
from flask import Flask

app = Flask(__name__)
NOTES = {}


@app.route("/notes/<int:note_id>", methods=["DELETE"])
def delete_note(note_id):
    NOTES.pop(note_id, None)
    return "", 204
