from flask import Blueprint, g, request


def create_audit_blueprint(audit_log):
    audit_bp = Blueprint("audit", __name__, url_prefix="/admin/audit")

    @audit_bp.get("/logs")
    def view_audit_logs():  # expect: FL202(medium)
        return {"logs": audit_log.entries(request.args.get("user_id", type=int))}

    @audit_bp.post("/cleanup")
    def cleanup_old_logs():  # expect: FL202(medium)
        return {"deleted": audit_log.cleanup(request.json.get("days", 90))}

    return audit_bp


def setup_audit_middleware(app, audit_log):
    """Usage: setup_audit_middleware(app, audit_log) in app.py."""

    @app.before_request
    def before_request():
        g.audit_log = audit_log
        g.user_id = None


def create_entries_blueprint(db, AuditEntry):
    entries_bp = Blueprint("entries", __name__, url_prefix="/admin/audit/entries")

    @entries_bp.delete("/<int:entry_id>")
    def delete_entry(entry_id):  # expect: FL202(high)
        db.session.delete(AuditEntry.query.get_or_404(entry_id))
        db.session.commit()
        return {"deleted": entry_id}

    return entries_bp
