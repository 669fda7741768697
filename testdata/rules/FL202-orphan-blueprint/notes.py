from flask import Blueprint, request

notes = Blueprint("notes", __name__)

NOTES = []


@notes.route("/notes", methods=["POST"])
def add_note():  # expect: FL202
    NOTES.append(request.form["text"])
    return "", 201
