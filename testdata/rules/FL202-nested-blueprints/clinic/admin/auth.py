from flask import Blueprint, request
from flask_jwt_extended import create_access_token
from werkzeug.security import check_password_hash

admin_auth_route = Blueprint("admin_auth_route", __name__)
ADMIN_HASHES = {}


@admin_auth_route.post("/login")
def auth_admin():
    body = request.get_json()
    stored = ADMIN_HASHES.get(body["name"])
    if stored is None or not check_password_hash(stored, body["password"]):
        return {"message": "wrong name or password"}, 401
    return {"token": create_access_token(identity=body["name"])}
