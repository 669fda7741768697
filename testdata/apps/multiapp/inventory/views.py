from flask import Blueprint, g

bp = Blueprint("items", __name__)


@bp.route("/items/<int:item_id>", methods=["DELETE"])
def delete_item(item_id):
    g.db.execute("DELETE FROM items WHERE id = ?", (item_id,))
    return "", 204
