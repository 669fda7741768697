from flask_jwt_extended import jwt_required
from flask_restful import Resource


class ReportList(Resource):
    method_decorators = [jwt_required()]

    def get(self):
        return []


class ReportItem(Resource):
    def put(self, report_id):  # expect: FL202
        return {"id": report_id}


from .base import AuthenticatedResource, OpenResource


class ReportArchive(AuthenticatedResource):
    # Authenticated through the base class's method_decorators.
    def delete(self, report_id):
        return "", 204


class ReportMirror(OpenResource):
    def delete(self, report_id):  # expect: FL202
        return "", 204
