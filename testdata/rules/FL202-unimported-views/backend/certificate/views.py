from flask import jsonify
from flask_jwt_extended import jwt_required

from app import app


@app.route("/api/certificates")
@jwt_required()
def certificates():
    return jsonify([])


@app.route("/api/certificates/<int:certificate_id>/delete", methods=["POST"])
def delete_certificate(certificate_id):  # expect: FL202(high)
    app.db.session.commit()
    return jsonify(deleted=certificate_id)
