from flask import Blueprint, request
from flask_jwt_extended import create_refresh_token

bp = Blueprint("auth", __name__)


@bp.post("/login")
def login():
    return {"refresh": create_refresh_token(identity=request.json["user"])}
