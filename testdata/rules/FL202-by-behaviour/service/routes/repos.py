from flask import jsonify, request
from flask_login import login_required

from ..server import app

REPOS = {}


@app.route("/api/repos", methods=["GET"])
@login_required
def list_repos():
    return jsonify(sorted(REPOS))


@app.route("/api/repos/<name>", methods=["DELETE"])
def delete_repo(name):  # expect: FL202(high)
    REPOS.pop(name, None)
    return "", 204
