from functools import wraps

from flask import Blueprint, abort, session

monitoring_bp = Blueprint("monitoring", __name__, url_prefix="/admin/monitoring")


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("is_admin"):
            abort(403)
        return view(*args, **kwargs)

    return wrapper


@monitoring_bp.get("/health")
@admin_required
def health():
    return {"ok": True}
