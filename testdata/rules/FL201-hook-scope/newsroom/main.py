from flask import Blueprint, render_template, request

from newsroom.models import Note
from newsroom.sessions import session


def make_blueprint():
    view = Blueprint("main", __name__)

    # Exempted by the hook (`main.login` is listed): public, so no finding of any kind.
    @view.route("/login", methods=["GET", "POST"])
    def login():
        return render_template("login.html", form=request.form)

    @view.route("/")
    def index():
        return render_template("index.html", user=session.get_user())

    # Authenticated by the hook: any journalist deletes any note by its id.
    @view.route("/notes/<note_id>/delete", methods=["POST"])
    def delete_note(note_id):  # expect: FL201
        note = Note.query.get_or_404(note_id)
        note.delete()
        return "", 204

    return view
