"""`uid` is a user's id under `/users`, and a record's unique id elsewhere (estuary's Neo4j
browser serves shared build and commit nodes by their `UniqueIdProperty`)."""
from flask import Flask, jsonify
from flask_login import current_user, login_required

app = Flask(__name__)
NODES = {}
NOTES = {}


def get_node(resource, uid):
    return NODES.get((resource, uid))


@app.get("/api/v1/<resource>/<uid>")
@login_required
def get_resource(resource, uid):
    return jsonify(get_node(resource, uid))


@app.get("/users/<uid>/notes")
@login_required
def user_notes(uid):  # expect: FL201
    return jsonify(NOTES.get(uid))


@app.get("/me/notes")
@login_required
def my_notes():
    return jsonify(NOTES.get(current_user.id))
