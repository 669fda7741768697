"""flask-shop's shape: a blueprint's `before_request` hook with an empty body, wrapped in
`@login_required` (and a permission decorator): Flask runs the wrapped hook, so every route of
the blueprint needs a login, and the dashboard one a permission too. A hook with a decorator
that guards nothing (`@log_calls`) authenticates nothing."""
from functools import wraps

from flask import Blueprint, Flask, abort, jsonify, request
from flask_login import current_user, login_required

app = Flask(__name__)
dashboard = Blueprint("dashboard", __name__, url_prefix="/dashboard")
checkout = Blueprint("checkout", __name__, url_prefix="/checkout")
tools = Blueprint("tools", __name__, url_prefix="/tools")
triage = Blueprint("triage", __name__, url_prefix="/triage")
ORDERS = {}
USERS = {}


def permission_required(permission):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.can(permission):
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator


def log_calls(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        app.logger.info("call %s", request.path)
        return view(*args, **kwargs)

    return wrapper


@dashboard.before_request
@permission_required("edit")
@login_required
def require_editor():
    """The whole dashboard needs an editor."""


@checkout.before_request
@login_required
def require_login():
    pass


@triage.before_request
@login_required
def require_oauth():
    """osv.dev's shape: the body's early `return None` exempts nothing, the decorator runs first."""
    return None


@tools.before_request
@log_calls
def trace():
    pass


@app.get("/account")
@login_required
def account():
    return jsonify(id=current_user.id)


@dashboard.get("/users/<int:user_id>")
def user_detail(user_id):
    return jsonify(USERS[user_id])


@dashboard.post("/orders/<int:order_id>/send")
def send_order(order_id):
    ORDERS[order_id]["sent"] = True
    return jsonify(ORDERS[order_id])


@checkout.post("/cart/<int:line_id>")
def update_cart(line_id):
    return jsonify(line=line_id)


@triage.post("/reports/<int:report_id>/close")
def close_report(report_id):
    ORDERS.pop(report_id, None)
    return jsonify(closed=report_id)


@tools.post("/users/<int:user_id>/delete")
def delete_user(user_id):  # expect: FL202
    USERS.pop(user_id, None)
    return jsonify(ok=True)


app.register_blueprint(dashboard)
app.register_blueprint(checkout)
app.register_blueprint(tools)
app.register_blueprint(triage)
