"""wizarr's shape: Flask-Login's user loader returns administrator accounts only (`AdminUser()`
or an `AdminAccount` row), so everyone `@login_required` admits is an operator of the whole
application. An id in their URLs names something they manage: FL201 is low, with why, and the
administrative routes need no further role check (FL204 silent). A test's own app, with a
loader of its own, changes nothing. A request loader that gives any API client's account for
`/api/` paths (domogik's shape) leaves those routes open to every client: high there."""
from flask import Flask, jsonify
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class AdminAccount(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80))


class Invitation(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("admin_account.id"))
    code = db.Column(db.String(20))


class AdminUser:
    id = "admin"
    is_authenticated = True


@login_manager.user_loader
def load_user(user_id):
    if user_id == "admin":
        return AdminUser()
    if user_id.isdigit():
        return db.session.get(AdminAccount, int(user_id))
    return None


class ApiClient(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    key = db.Column(db.String(64))


@login_manager.request_loader
def load_api_client(req):
    if req.path.startswith("/api/"):
        return ApiClient.query.filter_by(key=req.headers.get("X-Api-Key")).first()
    else:
        return None


@app.route("/admin/accounts/<int:account_id>", methods=["DELETE"])
@login_required
def delete_admin_account(account_id):  # expect: FL201(low)
    db.session.delete(db.session.get(AdminAccount, account_id))
    db.session.commit()
    return jsonify({"ok": True})


@app.route("/invitations/<int:invitation_id>", methods=["DELETE"])
@login_required
def delete_invitation(invitation_id):  # expect: FL201(low)
    invitation = Invitation.query.get_or_404(invitation_id)
    db.session.delete(invitation)
    db.session.commit()
    return jsonify({"ok": True})


@app.route("/api/invitations/<int:invitation_id>", methods=["DELETE"])
@login_required
def api_delete_invitation(invitation_id):  # expect: FL201(high)
    invitation = Invitation.query.get_or_404(invitation_id)
    db.session.delete(invitation)
    db.session.commit()
    return jsonify({"ok": True})
