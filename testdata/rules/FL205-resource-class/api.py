"""A flask-restx API whose resource classes carry their checks as class decorators."""

from functools import wraps

from flask import Flask, abort, session
from flask_restx import Api, Namespace, Resource

app = Flask(__name__)
api = Api(app)
ns = Namespace("containers")
api.add_namespace(ns, path="/api/v1/containers")
CONTAINERS = {}


def require_login(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        if "uid" not in session:
            abort(401)
        return f(*args, **kwargs)

    return wrapper


def secured(cls):
    # Sets the method decorators on the class Flask-RESTX registered: works from any position.
    cls.method_decorators = [require_login]
    return cls


@require_login  # expect: FL205
@ns.response(404, "Container not found")
@ns.route("/<string:container_id>")
class Container(Resource):
    def get(self, container_id):
        return CONTAINERS.get(container_id)

    def delete(self, container_id):
        CONTAINERS.pop(container_id, None)
        return {"deleted": container_id}


# --- traps ----------------------------------------------------------------------------------


@ns.route("/<string:container_id>/logs")
@ns.response(404, "Container not found")
class ContainerLogs(Resource):
    method_decorators = [require_login]

    def get(self, container_id):
        return {"logs": CONTAINERS.get(container_id)}


@secured
@ns.route("/<string:container_id>/restart")
class ContainerRestart(Resource):
    def post(self, container_id):
        CONTAINERS[container_id] = "restarting"
        return {"restarted": container_id}


@ns.response(200, "Success")
@ns.route("/health")
class Health(Resource):
    def get(self):
        return {"ok": True}
