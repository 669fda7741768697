from flask import Blueprint, jsonify

blueprint = Blueprint("nodes", __name__)
routes = ["/api", "/api/v1"]
NODES = {}
USERS = {}


@blueprint.route("/node/<string:name>", methods=["DELETE"])
def node_delete(name):
    NODES.pop(name, None)
    return jsonify(ok=True)


@blueprint.route("/users/<int:user_id>", methods=["DELETE"])
def user_delete(user_id):
    USERS.pop(user_id, None)
    return jsonify(ok=True)
