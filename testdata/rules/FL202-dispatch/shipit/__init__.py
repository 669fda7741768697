"""A deploy service shaped like freight: a project subclass of flask-restful's `Api`, resources
imported and registered inside a function, and a base resource whose `dispatch_request` refuses
unauthorized callers before any method runs."""
from flask import Flask
from flask_restful import Api


class ApiController(Api):
    pass


api = ApiController(prefix="/api/0")


def configure_api(app):
    from shipit.views import AppView, AuditedHookView, HookView

    api.add_resource(AppView, "/apps/<app_id>/")
    api.add_resource(HookView, "/hooks/<hook_id>/")
    api.add_resource(AuditedHookView, "/audited-hooks/<hook_id>/")
    api.init_app(app)


def create_app():
    app = Flask(__name__)
    configure_api(app)
    return app
