from flask import Blueprint, abort, g

bp = Blueprint("api", __name__)


@bp.route("/accounts/<int:account_id>", methods=["DELETE"])
def close_account(account_id):
    if g.claims["sub"] != account_id:
        abort(403)
    return "", 204
