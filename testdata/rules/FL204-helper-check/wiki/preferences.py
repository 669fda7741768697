from flask import abort, request
from flask_login import current_user


def has_permission(permission):
    return current_user.is_authenticated and permission in current_user.permissions


def user_management_form():
    if not has_permission("ADMIN"):
        abort(403)
    return "the user list"


def handle_user_management(form):
    if not has_permission("ADMIN"):
        return abort(403)
    return "saved"


def handle_app_preferences(form):
    if not has_permission("ADMIN"):
        abort(403)
    return "saved"


def handle_preferences(form):
    # The check is one call further down.
    return handle_app_preferences(form)


def sidebar_form():
    # Renders a form; checks nothing.
    return "the sidebar form"
