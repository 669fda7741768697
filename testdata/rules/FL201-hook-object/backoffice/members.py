"""A staff back office: every view is behind the blueprint's permission check, and staff with
that permission see every member's record by design. FL201 stays silent."""
from flask import Blueprint, jsonify
from flask_login import login_required

from .access import BlueprintAccess

bp = Blueprint("members", __name__, url_prefix="/members")
access = BlueprintAccess(bp, required_properties=["user_show"])
MEMBERS = {}


@bp.get("/<int:user_id>")
@login_required
def show_member(user_id):
    return jsonify(MEMBERS[user_id])
