"""Mycodo's shape: a handler with no login decorator starts with `if not
user_has_permission(...): return redirect(...)`, and the helper looks the caller up by
`current_user`. Nobody logged in passes it, so the route is authenticated in the handler and
FL202 stays silent. A gate whose helper asks about a setting, not the caller, authenticates
nothing."""
from flask import Flask, current_app, redirect, request, url_for
from flask_login import LoginManager, current_user, login_required

app = Flask(__name__)
login_manager = LoginManager(app)
ROLES = {"admin": {"edit_controllers"}}
LAYOUTS = {}


def user_has_permission(permission):
    role = ROLES.get(getattr(current_user, "role", None), set())
    return permission in role


def feature_enabled(name):
    return name in current_app.config.get("FEATURES", ())


@app.get("/layouts")
@login_required
def list_layouts():
    return {"layouts": list(LAYOUTS)}


@app.delete("/layouts/<layout_id>")
@login_required
def delete_layout(layout_id):
    LAYOUTS.pop(layout_id, None)
    return {"success": True}


@app.post("/save_dashboard_layout")
def save_dashboard_layout():
    if not user_has_permission("edit_controllers"):
        return redirect(url_for("list_layouts"))
    LAYOUTS.update(request.get_json())
    return "success"


@app.post("/save_widget_layout")
def save_widget_layout():  # expect: FL202
    # Trap: the gate asks whether a feature is on, not who the caller is.
    if not feature_enabled("widgets"):
        return redirect(url_for("list_layouts"))
    LAYOUTS.update(request.get_json())
    return "success"
