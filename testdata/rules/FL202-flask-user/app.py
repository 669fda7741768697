"""Flask-User's guards (and docassemble's fork of it): `@login_required` authenticates,
`@roles_required(...)` checks a role. The routes they guard are silent; the one without them is
the finding."""
import os

from flask import Flask, jsonify
from flask_user import UserManager, current_user, login_required, roles_required

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
user_manager = UserManager(app, None, None)
DOCUMENTS = {}


@app.get("/documents")
@login_required
def list_documents():
    return jsonify([d for d in DOCUMENTS.values() if d["owner"] == current_user.id])


@app.delete("/admin/documents/<int:document_id>")
@login_required
@roles_required("admin")
def purge_document(document_id):
    DOCUMENTS.pop(document_id, None)
    return "", 204


@app.post("/documents/<int:document_id>/archive")
def archive_document(document_id):  # expect: FL202
    DOCUMENTS[document_id]["archived"] = True
    return "", 204
