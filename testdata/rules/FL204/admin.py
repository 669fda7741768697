from functools import wraps

from flask import Blueprint, abort, jsonify, redirect, request
from flask_login import current_user

from .models import User
from flask_jwt_extended import get_jwt, jwt_required, verify_jwt_in_request

admin_bp = Blueprint("admin", __name__, url_prefix="/admin")
api_bp = Blueprint("api", __name__, url_prefix="/api")


def require_role(role):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            verify_jwt_in_request()
            if role not in get_jwt().get("roles", []):
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator


def staff_only(view):
    """Named innocently; what matters is that it refuses non-staff with 403."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request()
        if not get_jwt().get("is_staff"):
            abort(403)
        return view(*args, **kwargs)

    return wrapper


@admin_bp.route("/users")
@jwt_required()
def list_all_users():  # expect: FL204(medium)
    return jsonify([user.id for user in User.query.all()])


@admin_bp.route("/users/<int:user_id>", methods=["DELETE"])
@jwt_required()
def delete_any_user(user_id):  # expect: FL204(high)
    return "", 204


@api_bp.route("/maintenance", methods=["POST"])
@jwt_required()
def admin_maintenance():  # expect: FL204
    return jsonify(started=True)


# --- traps ----------------------------------------------------------------------------------


@admin_bp.route("/stats")
@require_role("admin")
def stats():
    return jsonify({})


@admin_bp.route("/audit")
@staff_only
def audit():
    return jsonify([])


@admin_bp.route("/flags", methods=["PUT"])
@jwt_required()
def flags():
    if get_jwt().get("role") != "admin":
        abort(403)
    return jsonify({})


@api_bp.route("/notes")
@jwt_required()
def notes():
    return jsonify([])


# Administrative by effect, whatever the route is called.
@api_bp.route("/users/<int:user_id>", methods=["PUT"])
@jwt_required()
def update_user(user_id):  # expect: FL201, FL204(high)
    user = User.query.get_or_404(user_id)
    # The caller chooses the role: any account can make itself an administrator.
    user.role = request.json["role"]
    return jsonify(ok=True)


@api_bp.route("/users/<int:user_id>/promote", methods=["POST"])
@jwt_required()
def promote(user_id):  # expect: FL201, FL204(medium)
    user = User.query.get_or_404(user_id)
    user.is_admin = True
    return jsonify(ok=True)


@api_bp.route("/users/<int:user_id>/roles", methods=["POST"])
@require_role("admin")
def grant(user_id):
    # Trap: the caller's role is checked.
    User.query.get_or_404(user_id).roles.append(request.json["role"])
    return jsonify(ok=True)


@api_bp.route("/profile", methods=["PUT"])
@jwt_required()
def update_profile():
    # Trap: a field that grants nothing.
    current_user.role = "member"
    current_user.display_name = request.json["name"]
    return jsonify(ok=True)


# Traps: role checks that libraries and projects spell differently.
from flask_principal import Permission, RoleNeed

admin_permission = Permission(RoleNeed("admin"))


@admin_bp.route("/feeds/<int:feed_id>", methods=["DELETE"])
@jwt_required()
@admin_permission.require(http_exception=403)
def delete_feed(feed_id):
    return jsonify(ok=True)


def requires_capabilities(*capabilities):
    def decorator(view):
        return view

    return decorator


@admin_bp.route("/server")
@jwt_required()
@requires_capabilities("manage_users")
def server_admin():
    return jsonify(ok=True)


from http import HTTPMethod


# `methods=[HTTPMethod.DELETE]`: a DELETE route, not a GET.
@admin_bp.route("/sessions", methods=[HTTPMethod.DELETE])
@jwt_required()
def admin_purge_sessions():  # expect: FL204(high)
    return jsonify(ok=True)


# Anyone may call these: privileges granted with no authentication at all.
@api_bp.route("/register-admin", methods=["POST"])
def register_admin():  # expect: FL204(critical)
    user = User(username=request.json["username"], is_admin=True)
    return jsonify(id=user.id), 201


@api_bp.route("/signup", methods=["POST"])
def signup():  # expect: FL204(critical)
    # The body picks the role: a visitor signs up as an administrator.
    user = User(username=request.json["username"], role=request.json.get("role", "user"))
    return jsonify(id=user.id), 201


@api_bp.route("/register", methods=["POST"])
def register():
    # Trap: a fixed, unprivileged role.
    user = User(username=request.json["username"], role="member", is_admin=False)
    return jsonify(id=user.id), 201


@api_bp.route("/register-owner", methods=["POST"])
def register_owner():  # expect: FL204(critical)
    # A test of request data about the new admin is no role check of the caller.
    admin_data = request.json
    if User.query.filter(User.username == admin_data["username"]).first():
        abort(409)
    owner = User(username=admin_data["username"], is_admin=True)
    return jsonify(id=owner.id), 201


def is_admin():
    return False


def add_calendar_meeting(name, title, admin):
    return User(username=name)


# Trap: the privilege passed on is the caller's own, asked of the session (fedocal's
# `add_meeting(..., admin=is_admin())`): nothing the request picks, nothing granted.
@api_bp.route("/calendars/<name>/meetings", methods=["POST"])
@api_bp.route("/calendars/<name>/meetings/<int:full>", methods=["POST"])
@jwt_required()
def add_meeting(name, full=True):
    meeting = add_calendar_meeting(name, request.json["title"], admin=is_admin())
    return jsonify(id=meeting.id), 201


# Two rules, one handler: one finding, not one per rule.
@api_bp.route("/register-staff", methods=["POST"])
@api_bp.route("/staff/register", methods=["POST"])
def register_staff():  # expect: FL204(critical)
    staff = User(username=request.json["username"], is_staff=True)
    return jsonify(id=staff.id), 201


# --- the admin area's own session and slash redirects: nothing only an administrator does ---
@admin_bp.route("/logout", methods=["POST"])
@jwt_required()
def admin_logout():
    """Ends the caller's own session."""
    return jsonify(logged_out=True)


@admin_bp.route("/")
@jwt_required()
def admin_index_slash():
    return redirect(request.url + "/dashboard")


@admin_bp.route("/users/<int:user_id>/login", methods=["POST"])
@jwt_required()
def admin_login_as(user_id):  # expect: FL201, FL204
    # Logging in as someone else is an administrator's power.
    return jsonify(impersonating=User.query.get_or_404(user_id).id)


@admin_bp.route("/admins", methods=["POST"])
@jwt_required()
def add_admin():
    # Only the founding account (Charity_Web_App's `if not current_user.id == 1:`): a role
    # check of the strictest kind.
    if not current_user.id == 1:
        return redirect("/")
    User.query.get_or_404(request.form["id"]).admin = True
    return jsonify(ok=True)


@admin_bp.route("/admins", methods=["DELETE"])
@jwt_required()
def remove_admin():  # expect: FL204(high)
    # Comparing with the caller's own id names no account: every caller passes.
    if current_user.id == current_user.id:
        User.query.get_or_404(request.form["id"]).admin = False
    return jsonify(ok=True)
