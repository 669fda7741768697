"""A public lookup service (CIRCL's url-abuse) whose only guarded route is its login: `/login`
checks the Basic credentials it is sent and redirects home. It protects nothing, so it says
nothing about what the other routes should require."""
import os

from flask import Flask, Response, jsonify, redirect, request, url_for

app = Flask(__name__)
RESULTS = {}


def check_auth(username, password):
    return username == os.environ["ADMIN_USER"] and password == os.environ["ADMIN_PASSWORD"]


def authenticate():
    return Response("Login required", 401, {"WWW-Authenticate": 'Basic realm="Login"'})


@app.route("/login", methods=["GET", "POST"])
def login():
    auth = request.authorization
    if not auth or not check_auth(auth.username, auth.password):
        return authenticate()
    return redirect(url_for("index"))


@app.get("/")
def index():
    return "url-abuse"


@app.post("/start")
def start_lookup():
    RESULTS[request.json["url"]] = "queued"
    return jsonify(queued=True)


@app.delete("/_result/<job_key>")
def drop_result(job_key):
    RESULTS.pop(job_key, None)
    return "", 204
