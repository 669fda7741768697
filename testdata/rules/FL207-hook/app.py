"""An admin panel behind a login hook that refuses every request without a logged-in user:
the views need no `is_accessible` of their own for that (the hook may cover `/admin/`)."""
from flask import Flask, abort, request
from flask_admin import Admin
from flask_admin.contrib.sqla import ModelView
from flask_login import LoginManager, current_user
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class Device(db.Model):
    id = db.Column(db.Integer, primary_key=True)


@app.before_request
def require_login():
    if request.endpoint == "login":
        return None
    if not current_user.is_authenticated:
        abort(401)


@app.route("/login", methods=["POST"])
def login():
    return {"ok": True}


@app.route("/devices")
def devices():
    return {"devices": []}


admin = Admin(app)
# Trap: the hook refuses anonymous requests.
admin.add_view(ModelView(Device, db.session))
