"""bluelog's shape: the only accounts are administrators, and the user loader imports the
`Admin` model inside itself and returns it through a local (`user = Admin.query.get(...)`;
`return user`): every caller `@login_required` admits is an administrator, so the admin pages
need no further role check. The shop's loader returns an ordinary `User` the same way, and its
admin page is reported."""
from flask import Flask, jsonify, request
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)
SETTINGS = {}


class Admin(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(20))


@login_manager.user_loader
def load_user(user_id):
    from blog import Admin as AdminModel

    user = AdminModel.query.get(int(user_id))
    return user


@app.route("/admin/settings", methods=["POST"])
@login_required
def settings():
    SETTINGS.update(request.form)
    return jsonify(SETTINGS)
