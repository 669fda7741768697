"""Imported by the application: the name says old, the code runs."""
from flask import Blueprint, request

legacy = Blueprint("legacy", __name__)
NOTES = {}


@legacy.post("/notes")
def add_note():  # expect: FL202
    NOTES[len(NOTES)] = request.form["text"]
    return "", 201
