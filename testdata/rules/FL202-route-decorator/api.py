"""Views registered by a project decorator that calls `add_url_rule` itself (supysonic's
`@api_routing`): they are routes like any other, and the one that deletes without
authentication is the finding."""
from flask import Blueprint, Flask, jsonify
from flask_jwt_extended import jwt_required

app = Flask(__name__)
api = Blueprint("api", __name__)
ITEMS = {}


def api_route(rule, methods=None):
    def decorator(view):
        api.add_url_rule(rule, view_func=view, methods=methods)
        return view

    return decorator


@api_route("/status")
def status():
    return jsonify(ok=True)


@api_route("/items/<int:item_id>", methods=["DELETE"])
@jwt_required()
def delete_item(item_id):
    ITEMS.pop(item_id, None)
    return "", 204


@api_route("/items/<int:item_id>/archive", methods=["POST"])
def archive_item(item_id):  # expect: FL202
    ITEMS[item_id]["archived"] = True
    return "", 204


app.register_blueprint(api, url_prefix="/api")
