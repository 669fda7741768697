from flask_jwt_extended import jwt_required
from flask_restful import Resource


class ReportList(Resource):
    method_decorators = [jwt_required()]

    def get(self):
        return []


class ReportItem(Resource):
    def put(self, report_id):  # expect: FL202
        return {"id": report_id}
