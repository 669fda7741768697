from flask import Blueprint, jsonify, request
from flask_jwt_extended import verify_jwt_in_request

from .auth import admin_auth_route
from .doctors import admin_doctors_route

admin_blueprint = Blueprint("admin_main", __name__)
admin_blueprint.register_blueprint(admin_doctors_route)
admin_blueprint.register_blueprint(admin_auth_route)


@admin_blueprint.before_request
def protect_admin_routes():
    if request.endpoint == "clinic.admin_main.admin_auth_route.auth_admin":
        return None
    try:
        verify_jwt_in_request()
    except Exception:
        return jsonify({"message": "unauthorized"}), 401
    return None
