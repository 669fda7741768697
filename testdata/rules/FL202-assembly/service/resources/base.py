from flask_jwt_extended import jwt_required
from flask_restful import Resource


class AuthenticatedResource(Resource):
    """Inherited by every resource that needs authentication (lemur's pattern)."""

    method_decorators = [jwt_required()]


class OpenResource(AuthenticatedResource):
    # A subclass's own list replaces the inherited one, as Python looks attributes up.
    method_decorators = []
