from flask import Blueprint
from flask_jwt import jwt_required

bp = Blueprint("items", __name__)


@bp.get("/items")
@jwt_required()
def items():
    return {"items": []}
