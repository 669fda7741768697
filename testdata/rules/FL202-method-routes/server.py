"""A Flask subclass that declares its views in a method, on a blueprint it builds there, behind
a login check that is a method of the same class (eNMS's `Server.configure_routes` and
`@self.process_requests`): the views are routes, and the check authenticates them."""
from functools import wraps

from flask import Blueprint, Flask, abort, jsonify
from flask_login import current_user

DEVICES = {}


class Server(Flask):
    def __init__(self):
        super().__init__(__name__)
        self.configure_routes()

    @staticmethod
    def process_requests(function):
        @wraps(function)
        def decorated_function(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)
            return function(*args, **kwargs)

        return decorated_function

    def configure_routes(self):
        blueprint = Blueprint("blueprint", __name__)

        @blueprint.route("/devices/<device_name>", methods=["PUT"])
        @self.process_requests
        def update_device(device_name):
            DEVICES[device_name] = {"owner": current_user.name}
            return jsonify(ok=True)

        @blueprint.route("/devices/<device_name>", methods=["DELETE"])
        def delete_device(device_name):  # expect: FL202
            DEVICES.pop(device_name, None)
            return jsonify(ok=True)

        self.register_blueprint(blueprint)


server = Server()
