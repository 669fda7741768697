"""minemeld's `MMBlueprint`: a Blueprint subclass whose own `route` wraps every view in a login
check, switched off per route with `login_required=False`. Its routes are authenticated unless
switched off; a state-changing route switched off (and not a login) is open."""
from functools import wraps

from flask import Blueprint, Flask, current_app, request
from flask_login import current_user

app = Flask(__name__)
NODES = {}
USERS = {}


class MMBlueprint(Blueprint):
    def _login_required(self, f, login_required, read_write):
        @wraps(f)
        def decorated_view(*args, **kwargs):
            if not login_required:
                return f(*args, **kwargs)
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if read_write and not current_user.is_read_write():
                return "Forbidden", 403
            return f(*args, **kwargs)

        return decorated_view

    def route(self, rule, **options):
        def decorator(f):
            login_required = options.pop("login_required", True)
            read_write = options.pop("read_write", True)
            super_decorator = super(MMBlueprint, self).route(rule, **options)
            return super_decorator(self._login_required(f, login_required, read_write))

        return decorator


BLUEPRINT = MMBlueprint("config", __name__, url_prefix="/config")


@BLUEPRINT.route("/node/<name>", methods=["DELETE"])
def delete_node(name):
    NODES.pop(name, None)
    return "ok"


@BLUEPRINT.route("/login", methods=["POST"], login_required=False)
def login():
    return "ok"


@BLUEPRINT.route("/nodes", methods=["DELETE"], login_required=False)
def purge_nodes():  # expect: FL202
    NODES.clear()
    return "ok"


# Only read-write users (the administrators) pass the blueprint's 403: managing any user's
# password is theirs to do. A route that switches the 403 off (`read_write=False`) lets every
# logged-in user change anyone's.
@BLUEPRINT.route("/users/<username>", methods=["PUT"])
def set_user_password(username):
    USERS[username] = request.json["password"]
    return "ok"


@BLUEPRINT.route("/profiles/<username>", methods=["PUT"], read_write=False)
def set_profile_password(username):  # expect: FL201
    USERS[username] = request.json["password"]
    return "ok"


app.register_blueprint(BLUEPRINT)
