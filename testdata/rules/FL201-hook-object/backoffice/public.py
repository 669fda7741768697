"""Trap: a blueprint without an access object is only logged in, and any member can read
another member's record by its id."""
from flask import Blueprint, jsonify
from flask_login import login_required

bp = Blueprint("public", __name__, url_prefix="/profiles")
PROFILES = {}


@bp.get("/<int:user_id>/settings")
@login_required
def show_settings(user_id):  # expect: FL201
    return jsonify(PROFILES[user_id])
