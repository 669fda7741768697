"""SMART-DORMITORY-X's reply to the administrator (`Contact_Admin`): the administrator is whom
the route writes to, not who may use it, so it is not administrative by name. A route that
acts on every account is an administrator's whatever it is called."""
from flask import Blueprint, jsonify
from flask_jwt_extended import jwt_required

from .models import User

api_bp = Blueprint("api", __name__, url_prefix="/api")


@api_bp.route("/contactAd/<int:message_id>", methods=["POST"])
@jwt_required()
def contact_admin(message_id):
    return jsonify(replied=message_id)


@api_bp.route("/broadcast", methods=["POST"])
@jwt_required()
def purge_admin_accounts():  # expect: FL204
    User.query.delete()
    return jsonify(ok=True)
