from flask import Blueprint, jsonify
from flask_jwt_extended import get_jwt_identity, jwt_required

mobile_bp = Blueprint("mobile", __name__, url_prefix="/api/mobile")


@mobile_bp.get("/me")
@jwt_required()
def me():
    return jsonify(user=get_jwt_identity())
