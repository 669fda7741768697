from functools import partial

from flask import Blueprint, jsonify, request

from . import authentication

main = Blueprint("main", __name__)
main.before_request(authentication.requires_authentication)
callbacks = Blueprint("callbacks", __name__)
callbacks.before_request(partial(authentication.requires_authentication, module="callbacks"))
SUPPLIERS = {}
USERS = {}


@main.route("/suppliers/<int:supplier_id>", methods=["DELETE"])
def delete_supplier(supplier_id):
    SUPPLIERS.pop(supplier_id, None)
    return jsonify(ok=True)


# The callers are the services holding a token, acting for users they authenticate themselves:
# there is no caller here to relate the user's id or an administrator's role to.
@main.route("/users/<int:user_id>", methods=["PATCH"])
def update_user(user_id):  # expect: FL201(low)
    USERS[user_id].update(request.json)
    return jsonify(USERS[user_id])


@main.route("/users/<int:user_id>/role", methods=["POST"])
def set_user_role(user_id):  # expect: FL201(low), FL204(low)
    USERS[user_id]["role"] = request.json["role"]
    return jsonify(USERS[user_id])


@callbacks.route("/notify", methods=["POST"])
def notify_callback():
    return jsonify(ok=True)
