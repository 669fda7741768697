"""newspipe's shape: the project's controllers check with `assert ..., "message"`, and an
`errorhandler(AssertionError)` answers with that message. The text is the project's own: not
reported."""
from flask import Flask, jsonify

app = Flask(__name__)
FEEDS = {}


def create_feed(link):
    assert link, "A feed must have a link."
    FEEDS[link] = {"link": link}
    return FEEDS[link]


@app.errorhandler(AssertionError)
def handle_assertion(error):
    return jsonify(message=error.args[0]), 400


@app.post("/feeds/<path:link>")
def add_feed(link):
    return jsonify(create_feed(link))
