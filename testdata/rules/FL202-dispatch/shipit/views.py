from flask_restful import Resource

from shipit.base import ApiView, AuditedView

APPS = {}
HOOKS = {}


class AppView(ApiView):
    def get(self, app_id):
        return APPS.get(app_id)

    def delete(self, app_id):
        # Trap: the base class's dispatch_request refuses callers without the API key.
        APPS.pop(app_id, None)
        return "", 204


class HookView(Resource):
    def delete(self, hook_id):  # expect: FL202
        HOOKS.pop(hook_id, None)
        return "", 204


class AuditedHookView(AuditedView):
    def delete(self, hook_id):  # expect: FL202
        HOOKS.pop(hook_id, None)
        return "", 204
