from flask import jsonify, redirect

from shelf import app
from shelf.auth import admin_required
from shelf.usermanagement import (
    log_requests,
    require_admin,
    require_login,
    requires_device_token,
    user_login_required,
)

SHELVES = {}


@app.route("/users/<user_id>/shelf", methods=["DELETE"])
@user_login_required
def delete_shelf(user_id):  # expect: FL201
    SHELVES.pop(user_id, None)
    return "", 204


@app.route("/device/<auth_token>/users/<user_id>/library")
@requires_device_token
def library(auth_token, user_id):  # expect: FL201
    return jsonify(SHELVES.get(user_id, []))


@app.route("/orders/<order_id>", methods=["DELETE"])
@require_login
def cancel_order(order_id):  # expect: FL201
    SHELVES.pop(order_id, None)
    return "", 204


# Authenticated (anonymous callers are refused) and a role is checked: silent.
@app.route("/admin/users/<user_id>", methods=["DELETE"])
@admin_required
def admin_delete_user(user_id):
    SHELVES.pop(user_id, None)
    return "", 204


@app.route("/admin/shelves/<shelf_id>", methods=["DELETE"])
@require_admin
def admin_delete_shelf(shelf_id):
    SHELVES.pop(shelf_id, None)
    return "", 204


# Authenticated, but no role is checked on an administrative route.
@app.route("/admin/settings", methods=["POST"])
@user_login_required
def admin_settings():  # expect: FL204
    return jsonify({"saved": True})


# A decorator that refuses nobody leaves the route unauthenticated: FL202 in an app whose
# other routes authenticate.
@app.route("/notes/<note_id>", methods=["DELETE"])
@log_requests
def delete_note(note_id):  # expect: FL202
    SHELVES.pop(note_id, None)
    return "", 204


# Only redirects to the authenticated API, or only refuses: nothing to protect here.
@app.route("/v1/notes/<note_id>", methods=["DELETE"])
def legacy_delete_note(note_id):
    return redirect(f"/notes/{note_id}", 307)


@app.route("/bundles/<bundle_id>", methods=["PATCH"])
def patch_bundle(bundle_id):
    """Not implemented."""
    raise NotImplementedError(bundle_id)
