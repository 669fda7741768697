"""A vault API; the scripts under `client_test/` exercise it as a client would."""
import os

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.post("/vault")
def store():
    return jsonify(stored=bool(request.get_json()))
