"""An `/admin` back office (pear-admin-flask, HiddifyPanel): the pages every logged-in staff
member uses on their own account need a login, not a role, and a decorator handed members of a
role enumeration checks a role. What lists or changes other accounts still needs one."""
import enum
from functools import wraps

from flask import Blueprint, Flask, abort, g, jsonify, render_template, request
from flask_login import current_user, login_required
from flask_sqlalchemy import SQLAlchemy
from panel_auth import panel_login

app = Flask(__name__)
db = SQLAlchemy(app)
admin_bp = Blueprint("admin", __name__, url_prefix="/admin")


class Role(enum.Enum):
    super_admin = "super_admin"
    admin = "admin"
    agent = "agent"


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    role = db.Column(db.String(20))
    avatar = db.Column(db.String(200))
    realname = db.Column(db.String(80))


class LoginLog(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    uid = db.Column(db.Integer, db.ForeignKey("user.id"))


def roles_in(roles):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator


def fail_api(msg):
    return jsonify(success=False, msg=msg)


def success_api(msg):
    return jsonify(success=True, msg=msg)


@admin_bp.get("/")
@login_required
def index():
    user = current_user
    return render_template("admin/index.html", user=user)


@admin_bp.get("/center")
@login_required
def center():
    logs = LoginLog.query.filter_by(uid=current_user.id).limit(10)
    return render_template("admin/center.html", logs=logs)


@admin_bp.put("/updateAvatar")
@login_required
def update_avatar():
    url = request.json.get("avatar").get("src")
    updated = User.query.filter_by(id=current_user.id).update({"avatar": url})
    db.session.commit()
    if not updated:
        return fail_api(msg="could not update")
    return success_api(msg="updated")


@admin_bp.put("/editPassword")
@login_required
def edit_password():
    data = request.json
    user = current_user
    if not user.validate_password(data.get("oldPassword")):
        return fail_api("wrong password")
    user.set_password(data.get("newPassword"))
    db.session.add(user)
    db.session.commit()
    return success_api("changed")


@admin_bp.get("/status")
@login_required
@panel_login({Role.super_admin, Role.admin})
def status():
    # A decorator from another package, handed members of the role enumeration.
    return jsonify(users=User.query.count())


@admin_bp.get("/agents")
@login_required
@roles_in({Role.super_admin})
def agents():
    return jsonify([u.id for u in User.query.filter_by(role="agent")])


# Traps: these act on other accounts, and check no role. No route lets a visitor create an
# account, so only staff accounts the operators made reach them: a page that only shows is low
# unless what it shows is named for people (the accounts list: medium), one that changes other
# accounts medium (high where anyone can sign up: FL204/admin.py).


@admin_bp.get("/users")
@login_required
def users():  # expect: FL204(medium)
    return jsonify([u.id for u in User.query.all()])


@admin_bp.put("/users/rename")
@login_required
def rename_user():  # expect: FL204(medium)
    User.query.filter_by(id=request.json["id"]).update({"realname": request.json["name"]})  # expect: FL201(medium)
    db.session.commit()
    return success_api("renamed")


app.register_blueprint(admin_bp)
