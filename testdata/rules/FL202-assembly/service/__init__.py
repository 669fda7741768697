from flask import Blueprint, Flask
from flask_jwt_extended import JWTManager
from flask_restful import Api
from flask_restx import Api as RestxApi

from . import resources, views
from .helpers import register_view
from .resources import accounts
from .resources.reports import ReportArchive, ReportItem, ReportList, ReportMirror
from .views import ExportView, archive, ping


def create_app():
    app = Flask(__name__)
    JWTManager(app)  # expect: FL306

    api = Api(app, prefix="/api")
    api.add_resource(resources.accounts.AccountList, "/accounts")
    api.add_resource(accounts.Account, "/accounts/<int:account_id>")

    restx = RestxApi(app, doc=False)
    from .resources.users import users_ns

    restx.add_namespace(users_ns, path="/v2/users")

    parent = Blueprint("parent", __name__, url_prefix="/outer")
    child = Blueprint("child", __name__, url_prefix="/inner")

    @child.route("/items/<int:item_id>", methods=["DELETE"])
    def delete_item(item_id):  # expect: FL202
        return "", 204

    parent.register_blueprint(child)
    app.register_blueprint(parent)

    register_view(app, ["/exports/<int:export_id>"], ExportView.as_view("export"))

    for view, rule in ROUTES:
        app.add_url_rule(rule, view_func=view, methods=["POST"])

    # The view as a module's attribute, passed third (buku's `api.get_all_tags`).
    app.add_url_rule("/drafts/<int:draft_id>", "discard_draft", views.discard_draft, methods=["DELETE"])

    reports = Api(app, prefix="/reports-api")
    for resource, url in REPORT_RESOURCES:
        reports.add_resource(resource, url)
    return app


ROUTES = [
    (archive, "/archive/<int:note_id>"),
    (ping, "/ping"),
]

REPORT_RESOURCES = (
    (ReportList, "/reports"),
    (ReportItem, "/reports/<int:report_id>"),
    (ReportArchive, "/reports/<int:report_id>/archive"),
    (ReportMirror, "/reports/<int:report_id>/mirror"),
)
