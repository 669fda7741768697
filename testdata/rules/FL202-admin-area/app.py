"""StockLeague's shape: the app requires a login on its trading routes, and an audit blueprint
made by a factory serves `/admin/audit/*` with no authentication and no role check: medium,
as neither route changes anything flasklint can see (`DELETE /admin/audit/entries/<id>`, which
deletes rows, is high). The audit module's middleware function would register a
`before_request` hook on the app, but nothing calls it (its docstring's usage line is no call):
the hook runs for no request and leaves the question open for none.

Traps: the monitoring blueprint's routes check the administrator's role (`@admin_required`);
`/admin/login` is the admin area's own login; `/admin/profile` reads the caller's session."""
from functools import wraps

from flask import Flask, g, redirect, request, session, url_for

from audit_routes import create_audit_blueprint, create_entries_blueprint
from monitoring import monitoring_bp

app = Flask(__name__)
app.config.from_prefixed_env()


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if "user_id" not in session:
            return redirect(url_for("login"))
        return view(*args, **kwargs)

    return wrapper


@app.post("/portfolio/<int:item_id>/sell")
@login_required
def sell(item_id):
    return {"sold": item_id}


@app.post("/login")
def login():
    session["user_id"] = request.form["user_id"]
    return redirect("/")


@app.post("/admin/login")
def admin_login():
    session["admin"] = request.form["name"] == "root"
    return redirect("/admin/audit/logs")


@app.get("/admin/profile")
def admin_profile():
    return {"user": session.get("user_id")}


app.register_blueprint(create_audit_blueprint(audit_log=g))
app.register_blueprint(monitoring_bp)
app.register_blueprint(create_entries_blueprint(db=None, AuditEntry=None))
