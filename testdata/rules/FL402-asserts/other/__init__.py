"""Trap: an application with no assert of its own answers an AssertionError's text, which then
comes from a library's internals."""
from flask import Flask, jsonify

app = Flask(__name__)


@app.errorhandler(AssertionError)
def handle_assertion(error):
    return jsonify(message=str(error)), 400  # expect: FL402(medium)
