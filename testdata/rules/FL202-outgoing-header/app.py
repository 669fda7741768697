"""maraschino's shape: a handler that calls another service sets an `Authorization` header on
its own outgoing request. That header is the app's credential for the other service, not a
check of the caller: the route is unauthenticated (FL202). A handler that reads the header
the caller sent authenticates itself."""
import base64
import urllib.request

from flask import Flask, abort, jsonify, request
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.config.from_prefixed_env()
login_manager = LoginManager(app)
API_KEYS = {}


@app.route("/settings", methods=["POST"])
@login_required
def save_settings():
    return jsonify({"ok": True})


@app.route("/couchpotato/movie/<movie_id>", methods=["DELETE"])
def delete_movie(movie_id):  # expect: FL202(high)
    outgoing = urllib.request.Request(f"http://couchpotato.local/api/movie.delete?id={movie_id}")
    credentials = base64.b64encode(b"user:password").decode()
    outgoing.add_header("Authorization", "Basic " + credentials)
    urllib.request.urlopen(outgoing)
    return jsonify({"ok": True})


@app.route("/webhook", methods=["POST"])
def webhook():
    if request.headers.get("Authorization") not in API_KEYS:
        abort(401)
    return jsonify({"ok": True})
