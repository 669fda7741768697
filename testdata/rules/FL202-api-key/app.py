"""changedetection.io's shape: an API-key decorator answers 403 (not 401) unless the `x-api-key`
header matches the configured token. That refuses callers without the credential, so the routes
behind it are authenticated. A decorator answering 403 on a header that is no credential
(`X-Requested-With`) authenticates nobody."""
import os
from functools import wraps

from flask import Flask, abort, jsonify, make_response, request
from flask_login import login_required

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["API_TOKEN"] = os.environ["API_TOKEN"]
WATCHES = {}


def auth_check(decorated):
    @wraps(decorated)
    def decorator(*args, **kwargs):
        if not request.headers.get("x-api-key"):
            return make_response(jsonify("No authorization x-api-key header."), 403)
        if request.headers["x-api-key"] != app.config["API_TOKEN"]:
            return make_response(jsonify("Invalid access - api_access_token."), 403)
        return decorated(*args, **kwargs)

    return decorator


def ajax_only(decorated):
    @wraps(decorated)
    def decorator(*args, **kwargs):
        if request.headers.get("X-Requested-With") != "XMLHttpRequest":
            abort(403)
        return decorated(*args, **kwargs)

    return decorator


@app.post("/settings")
@login_required
def save_settings():
    return {"saved": True}


@app.delete("/api/v1/watch/<uuid>")
@auth_check
def delete_watch(uuid):
    WATCHES.pop(uuid, None)
    return "", 204


@app.post("/api/v1/watch")
@auth_check
def create_watch():
    WATCHES[len(WATCHES)] = request.json
    return "", 201


@app.delete("/ajax/watch/<uuid>")
@ajax_only
def delete_watch_from_page(uuid):  # expect: FL202
    WATCHES.pop(uuid, None)
    return "", 204


def local_check(func):
    # pyload's Click'N'Load guard: only programs on this machine may call.
    @wraps(func)
    def wrapper(*args, **kwargs):
        if request.environ.get("REMOTE_ADDR") in ("127.0.0.1", "::1"):
            return func(*args, **kwargs)
        return "Forbidden", 403

    return wrapper


@app.post("/flash/add")
@local_check
def add_package():
    WATCHES[len(WATCHES)] = request.form["urls"]
    return "success\r\n"

API_KEYS = {}


def authenticate_api_key():
    """wizarr's shape: the handler keeps the verdict of a helper that checks the key, then
    refuses without it."""
    key = request.headers.get("X-API-Key")
    if not key or key not in API_KEYS:
        return False, None
    return True, API_KEYS[key]


@app.route("/api/watch/<uuid>/pause", methods=["POST"])
def pause_watch(uuid):
    is_authenticated, api_key = authenticate_api_key()
    if not is_authenticated:
        return jsonify({"error": "Unauthorized"}), 401
    WATCHES[uuid]["paused"] = True
    return jsonify({"ok": True})


def _authorize_user():
    """markus-autotesting's shape: the refusal is a response carrying the status."""
    api_key = request.headers.get("Api-Key")
    if api_key is None or api_key not in API_KEYS:
        abort(make_response(jsonify(message="Unauthorized"), 401))
    return api_key


def authorize(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        user = _authorize_user()
        return func(*args, **kwargs, user=user)

    return wrapper


@app.route("/api/watch/<uuid>/mute", methods=["POST"])
@authorize
def mute_watch(uuid, user):
    WATCHES[uuid]["muted_by"] = user
    return jsonify({"ok": True})
