"""Class-based views registered through a module-level name: `board_view =
BoardAPI.as_view("board")`, then `bp.add_url_rule(rule, view_func=board_view)` (yamakanban
registers every `MethodView` this way). Each method the rule serves is a route, and a method
outside `add_url_rule`'s `methods=` answers 405, so it is no route."""
from flask import Blueprint, Flask, jsonify, request
from flask.views import MethodView
from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required

BOARDS = {}

bp = Blueprint("boards", __name__)


class BoardsAPI(MethodView):
    decorators = [jwt_required()]

    def get(self):
        owner = get_jwt_identity()
        return jsonify([b for b in BOARDS.values() if b["owner"] == owner])

    def post(self):
        board = {"owner": get_jwt_identity(), "name": request.json["name"]}
        BOARDS[len(BOARDS)] = board
        return jsonify(board)


class BoardAPI(MethodView):
    def delete(self, board_id):  # expect: FL202(high)
        BOARDS.pop(board_id, None)
        return jsonify(ok=True)


class ArchiveAPI(MethodView):
    def post(self, board_id):  # expect: FL202(high)
        BOARDS[board_id]["archived"] = True
        return jsonify(ok=True)

    # Not served: the rule below lists POST only.
    def delete(self, board_id):
        BOARDS.pop(board_id, None)
        return jsonify(ok=True)


boards_view = BoardsAPI.as_view("boards-view")
board_view = BoardAPI.as_view("board-view")
archive_view = ArchiveAPI.as_view("archive-view")

bp.add_url_rule("/boards", methods=["GET", "POST"], view_func=boards_view)
bp.add_url_rule("/boards/<int:board_id>", methods=["DELETE"], view_func=board_view)
bp.add_url_rule("/boards/<int:board_id>/archive", methods=["POST"], view_func=archive_view)

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = __import__("os").environ["JWT_SECRET_KEY"]
JWTManager(app)  # expect: FL306(medium)
app.register_blueprint(bp, url_prefix="/api")
