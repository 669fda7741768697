"""A flask-restx `Api` subclass whose `secure` method is the project's login decorator (udata):
`@api.secure` on a resource method, with `api` imported from here."""
from functools import wraps

from flask import Blueprint, Flask
from flask_login import current_user
from flask_restx import Api

app = Flask(__name__)
blueprint = Blueprint("api", __name__, url_prefix="/api/1")


class PortalApi(Api):
    def secure(self, func):
        """Enforce authentication on a given method."""
        if isinstance(func, str):
            return self._apply_permission(func)
        return self._apply_secure(func)

    def _apply_permission(self, permission):
        def wrapper(func):
            return self._apply_secure(func, permission)

        return wrapper

    def _apply_secure(self, func, permission=None):
        @wraps(func)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                self.abort(401)
            return func(*args, **kwargs)

        return wrapper


api = PortalApi(blueprint)
