from flask import Blueprint, jsonify, request
from flask_jwt_extended import create_access_token, jwt_required

from App.controllers import *

api_views = Blueprint("api_views", __name__)


@api_views.route("/login", methods=["POST"])
def login():
    return jsonify(token=create_access_token(identity=request.json["username"]))


@api_views.route("/reports")
@jwt_required()
def reports():
    return jsonify(list_reports())


@api_views.route("/potholes")
@jwt_required()
def potholes():
    return jsonify(list_potholes())


@api_views.route("/regions/<int:item_id>", methods=["DELETE"])
def remove_region(item_id):  # expect: FL202
    return jsonify(deleted=delete_region(item_id))
