from flask import Blueprint, request

from newsroom.decorators import admin_required
from newsroom.models import Journalist


def make_blueprint():
    view = Blueprint("admin", __name__)

    # Authenticated by the hook, and `@admin_required` (a redirect) checks the role.
    @view.route("/journalists/<journalist_id>/reset", methods=["POST"])
    @admin_required
    def reset_two_factor(journalist_id):
        Journalist.query.get_or_404(journalist_id).reset()
        return "", 204

    # Authenticated by the hook, but no role is checked.
    @view.route("/config", methods=["POST"])
    def admin_update_config():  # expect: FL204
        return {"saved": request.form["name"]}

    return view
