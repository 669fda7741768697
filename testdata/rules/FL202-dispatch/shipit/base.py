import logging
from hmac import compare_digest

from flask import current_app, request
from flask_restful import Resource

log = logging.getLogger(__name__)


class ApiView(Resource):
    def is_authorized(self):
        auth = request.headers.get("Authorization", "")
        return compare_digest(auth.removeprefix("Key "), current_app.config["API_KEY"])

    def dispatch_request(self, *args, **kwargs):
        if not self.is_authorized():
            return self.error(message="You are not authorized.", status_code=401)
        return super().dispatch_request(*args, **kwargs)

    def error(self, message, status_code=400):
        return {"error": message}, status_code


class AuditedView(Resource):
    # Logs every call and refuses nobody: not authentication.
    def dispatch_request(self, *args, **kwargs):
        log.info("%s %s", request.method, request.path)
        return super().dispatch_request(*args, **kwargs)
