from flask import Blueprint, Flask, request
from flask_restful import Api, Resource

from certs.service import AuthenticatedResource, auth_abandoned, audited

mod = Blueprint("certificates", __name__)
api = Api(mod)
CERTIFICATES = {}


class CertificatesList(AuthenticatedResource):
    def get(self):
        return list(CERTIFICATES.values())

    def post(self):
        CERTIFICATES[request.json["name"]] = request.json
        return request.json, 201


class CertificateImport(AuthenticatedResource):
    @auth_abandoned
    def post(self):  # expect: FL202
        CERTIFICATES[request.json["name"]] = request.json
        return request.json, 201


class CertificateRotate(AuthenticatedResource):
    @audited
    def post(self):
        CERTIFICATES[request.json["name"]]["rotated"] = True
        return {}, 204


class CertificateRevoke(Resource):
    def put(self, certificate_id):  # expect: FL202
        CERTIFICATES.pop(certificate_id, None)
        return {}, 204


api.add_resource(CertificatesList, "/certificates", endpoint="certificates")
api.add_resource(CertificateImport, "/certificates/import")
api.add_resource(CertificateRotate, "/certificates/rotate")
api.add_resource(CertificateRevoke, "/certificates/<int:certificate_id>/revoke")
app = Flask(__name__)
app.register_blueprint(mod)
