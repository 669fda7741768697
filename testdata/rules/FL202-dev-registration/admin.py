from flask import Blueprint
from flask_login import login_required

from models import Game, db

admin_bp = Blueprint("admin", __name__)


@admin_bp.route("/admin/games", methods=["POST"])
@login_required
def add_game():  # expect: FL204(low)
    db.session.add(Game())
    db.session.commit()
    return "", 201


@admin_bp.route("/admin/games/clear", methods=["POST"])
def clear_games():  # expect: FL202
    Game.query.delete()
    db.session.commit()
    return "", 204
