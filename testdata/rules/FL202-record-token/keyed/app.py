"""The same host whose deletions need the operator's configured key: an app-wide scheme, which
the open upload route lacks."""
import os

from flask import Flask, abort, request

app = Flask(__name__)
app.config["API_KEY"] = os.environ["API_KEY"]
FILES = {}


@app.route("/<name>", methods=["DELETE"])
def delete(name):
    if request.headers.get("X-Api-Key") != app.config["API_KEY"]:
        abort(401)
    FILES.pop(name, None)
    return ""


@app.route("/", methods=["POST"])
def upload():  # expect: FL202
    FILES[request.files["file"].filename] = request.files["file"].read()
    return "", 201
