from flask import Blueprint, jsonify, request

from newsroom.models import Journalist, Note


def make_blueprint():
    api = Blueprint("api", __name__)

    # Exempted by the hook's list: the token endpoint is public by design.
    @api.route("/token", methods=["POST"])
    def get_token():
        journalist = Journalist.query.filter_by(username=request.json["username"])
        return jsonify({"token": str(journalist)})

    @api.route("/")
    def get_endpoints():
        return jsonify({"token_url": "/api/v1/token"})

    # `/api/...`: the hook answers 403 without a session.
    @api.route("/users/<user_id>/notes", methods=["DELETE"])
    def delete_notes(user_id):  # expect: FL201
        Note.query.filter_by(user_id=user_id).delete()
        return "", 204

    return api
