"""The page objects: each checks the caller's permission before it reads or writes."""
from flask import abort, redirect, url_for
from flask_login import current_user

PAGES = {}


def has_permission(permission, user=current_user):
    return user.is_authenticated and permission in user.permissions


class Page:
    def __init__(self, path):
        self.path = path

    def view(self):
        if not has_permission("READ"):
            if not current_user.is_authenticated:
                return redirect(url_for("login"))
            abort(403)
        return PAGES.get(self.path, "")

    def delete(self):
        if not has_permission("WRITE"):
            abort(403)
        PAGES.pop(self.path, None)
        return redirect("/")
