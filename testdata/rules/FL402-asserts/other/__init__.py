"""Trap: an application with no assert of its own answers an AssertionError's text, which then
comes from a library's internals. (Low: no route of this app authenticates, so "anyone" is not
something flasklint can tell apart from a public app.)"""
from flask import Flask, jsonify

app = Flask(__name__)


@app.errorhandler(AssertionError)
def handle_assertion(error):
    return jsonify(message=str(error)), 400  # expect: FL402(low)
