from flask import Blueprint, jsonify

users = Blueprint("users", __name__)
USERS = {}


@users.route("/users/<int:user_id>", methods=["DELETE"])
def delete_user(user_id):  # expect: FL201
    USERS.pop(user_id, None)
    return jsonify(ok=True)
