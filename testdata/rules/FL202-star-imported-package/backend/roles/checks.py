from flask import jsonify
from flask_jwt_extended import get_jwt_identity, jwt_required

from app import app


def may_manage(user):
    return user.role == "admin" or user.role == "director"


@app.route("/api/roles/mine")
@jwt_required()
def my_role():
    return jsonify(role="admin" if get_jwt_identity() == 1 else "teacher")
