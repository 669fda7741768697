from flask import Blueprint

from models import Game, db

testing_bp = Blueprint("testing", __name__)


@testing_bp.route("/testing/games", methods=["POST"])
def create_game():  # expect: FL202(low)
    db.session.add(Game())
    db.session.commit()
    return "", 201


@testing_bp.route("/testing/games/<int:game_id>", methods=["DELETE"])
def delete_game(game_id):  # expect: FL202(low)
    Game.query.filter_by(id=game_id).delete()
    db.session.commit()
    return "", 204
