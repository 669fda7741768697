from flask import Blueprint, jsonify

admin = Blueprint("admin", __name__)
SERVICES = {}


@admin.route("/services/<int:service_id>", methods=["DELETE"])
def delete_service(service_id):
    SERVICES.pop(service_id, None)
    return jsonify(ok=True)
