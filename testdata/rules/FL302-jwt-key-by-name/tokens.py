"""A key stored under another name is read by that name (soft-engg's module constant
`SECRET_KEY`, read from a JWT-named environment variable, then handed to `jwt.encode` in its
routes module): it signs every token, whatever the variable it is read from is called."""
import datetime
import os

import jwt
from flask import Blueprint, jsonify, request

bp = Blueprint("api", __name__)

SECRET_KEY = os.getenv("JWT_SECRET_KEY", "SECRET_KEY1111111111111111111111")  # expect: FL302(high)


def mint(user_id):
    expiry = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=30)
    return jwt.encode({"user_id": user_id, "exp": expiry}, SECRET_KEY, algorithm="HS256")


@bp.post("/login")
def login():
    return jsonify(token=mint(request.get_json()["user_id"]))
