"""modern-paste's and maraschino's shapes: rules are class attributes (`@app.route(PasteURI.path)`)
and the login decorator comes through star imports (`from .tools import *`). The rules are read
from the classes and the decorator is followed: the routes behind `@requires_auth` are
authenticated, the one without it is FL202, and so is the one behind `@auth_desired`, which lets
anonymous callers through."""
from flask import Flask, jsonify

from .tools import *
from .uri.paste import *

app = Flask(__name__)
PASTES = {}


@app.route(SettingsURI.path, methods=["POST"])
@requires_auth
def save_settings():
    return jsonify({"ok": True})


@app.route(PasteURI.path, methods=["GET"])
@requires_auth
def show_paste(paste_id):
    return jsonify(PASTES.get(paste_id))


@app.route(PasteDeleteURI.path, methods=["DELETE"])
def delete_paste(paste_id):  # expect: FL202(high)
    PASTES.pop(paste_id, None)
    return jsonify({"ok": True})


@app.route("/paste/<paste_id>/pin", methods=["PUT"])
@auth_desired
def pin_paste(paste_id, signed_in):  # expect: FL202(high)
    PASTES[paste_id]["pinned"] = True
    return jsonify({"ok": True})
