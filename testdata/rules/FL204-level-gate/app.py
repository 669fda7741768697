"""A league site whose staff levels are numbers: `@only_left_hand` runs the view only for
callers at level 13 or above; `@audited` runs it for everyone."""
from flask import Flask, jsonify, request
from flask_login import LoginManager, login_required

from decorators import audited, only_left_hand

app = Flask(__name__)
login_manager = LoginManager(app)
PERMISSIONS = {}


@app.patch("/api/admin/user/permission")
@login_required
@only_left_hand
def change_permission():
    PERMISSIONS[request.json["player"]] = request.json["permission"]
    return jsonify(ok=True)


@app.patch("/api/admin/user/ban")
@login_required
@audited
def ban_player():  # expect: FL204(medium)
    PERMISSIONS[request.json["player"]] = 0
    return jsonify(ok=True)
