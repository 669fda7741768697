"""redash's shape: a flask-restful `Api` subclass whose method registers each resource under
the organisation's prefix (`api.add_org_resource(AlertResource, "/api/alerts/<alert_id>")`,
which calls `self.add_resource(resource, *urls, **kwargs)`). The method is followed with `self`
bound to the object it is called on and `*urls` to the caller's rules, so every resource is a
route: the open `DELETE` is reported, the resource behind `login_required` is not."""
from flask import Flask
from flask_login import LoginManager, login_required
from flask_restful import Api, Resource

app = Flask(__name__)
LoginManager(app)
ALERTS = {}


def org_scoped_rule(rule):
    return "/<org_slug>" + rule


class ApiExt(Api):
    def add_org_resource(self, resource, *urls, **kwargs):
        urls = [org_scoped_rule(url) for url in urls]
        return self.add_resource(resource, *urls, **kwargs)


api = ApiExt()


class AlertResource(Resource):
    def delete(self, alert_id):  # expect: FL202(high)
        ALERTS.pop(alert_id, None)
        return {}


class AlertListResource(Resource):
    decorators = [login_required]

    def post(self):
        ALERTS[len(ALERTS)] = {}
        return {}


api.add_org_resource(AlertResource, "/api/alerts/<alert_id>", endpoint="alert")
api.add_org_resource(AlertListResource, "/api/alerts", "/api/alerts/", endpoint="alerts")
api.init_app(app)
