"""The same `Api` subclass imported from another module of the package."""
from flask import Flask
from flask_login import LoginManager, login_required
from flask_restful import Resource

from .ext import ApiExt

app = Flask(__name__)
LoginManager(app)
api = ApiExt()
REPORTS = {}


class ReportResource(Resource):
    def delete(self, report_id):  # expect: FL202(high)
        REPORTS.pop(report_id, None)
        return {}


class ReportListResource(Resource):
    decorators = [login_required]

    def post(self):
        REPORTS[len(REPORTS)] = {}
        return {}


api.add_org_resource(ReportResource, "/api/reports/<report_id>", endpoint="report")
api.add_org_resource(ReportListResource, "/api/reports", endpoint="reports")
api.init_app(app)
