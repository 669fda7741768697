"""fuxi's, ARL's and bayonet's shape: a refused request is answered with status 200 and a body
that says so (`Response.failed(StatusCode.AUTH_FAILED)`, `{"code": 401, ...}` bound in the
decorator and returned by its wrapper, an inline `{"result": {"status_code": 401}}` when the
session lacks the project's own login key); the view does not run, so those routes are
authenticated, and the one without any of it is open. fuxi refuses roles the same way, and
the role check reads it."""
from functools import wraps

from flask import Flask, jsonify, request, session

app = Flask(__name__)
TOKENS = {}
SCANS = {}


class StatusCode:
    SUCCESS = 200
    AUTH_FAILED = 10401
    PERMISSION_DENIED = 10403


class Response:
    @staticmethod
    def failed(code):
        return jsonify(code=code, message="The access token is invalid")


def auth(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Token") or request.args.get("token")
        if not token or token not in TOKENS:
            return Response.failed(StatusCode.AUTH_FAILED)
        return view(*args, **kwargs)

    return wrapper


def api_key_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if request.headers.get("X-Api-Key") not in TOKENS:
            return {"message": "not login", "code": 401, "data": {}}
        return view(*args, **kwargs)

    return wrapper


def user_login_header():
    token = request.headers.get("Token") or request.args.get("token")
    return token in TOKENS


def login_required(view):
    refused = {"message": "not login", "code": 401, "data": {}}

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not user_login_header():
            return refused
        return view(*args, **kwargs)

    return wrapper


@app.route("/scans/<int:scan_id>", methods=["DELETE"])
@auth
def delete_scan(scan_id):
    SCANS.pop(scan_id, None)
    return jsonify(ok=True)


@app.route("/scans", methods=["POST"])
@api_key_required
def start_scan():
    SCANS[len(SCANS)] = request.json
    return jsonify(ok=True)


@app.route("/scans", methods=["DELETE"])
def delete_all_scans():  # expect: FL202
    SCANS.clear()
    return jsonify(ok=True)


@app.route("/tasks/<int:task_id>", methods=["DELETE"])
@login_required
def delete_task(task_id):
    SCANS.pop(task_id, None)
    return jsonify(ok=True)


@app.route("/targets", methods=["POST"])
def add_target():
    if not session.get("status"):
        return {"result": {"status_code": 401}}
    SCANS["target"] = request.json
    return {"result": {"status_code": 200}}


@app.route("/users/<int:user_id>", methods=["PUT"])
@auth
def update_user(user_id):
    if session.get("authority") != 0:
        return Response.failed(StatusCode.PERMISSION_DENIED)
    TOKENS[user_id] = request.json["token"]
    return jsonify(ok=True)
