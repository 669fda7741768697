from flask import Flask, jsonify, request
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)
SETTINGS = {}


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(20))


@login_manager.user_loader
def load_user(user_id):
    user = User.query.get(int(user_id))
    return user


@app.route("/admin/settings", methods=["POST"])
@login_required
def settings():  # expect: FL204
    SETTINGS.update(request.form)
    return jsonify(SETTINGS)
