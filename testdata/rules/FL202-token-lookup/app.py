"""NotifyHub's push API: the handler looks the account up by the API token the JSON body
carries and answers 401 when none matches, which authenticates the route. An unfinished
plugin route that answers a constant "not implemented" does nothing. A lookup by token whose
miss is not refused, and a write anyone may send, stay reported. (The token column may be
NULL, and a JSON `null` matches it: FL206.)"""
import os

from flask import Flask, jsonify, request
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(64), unique=True)


class Notification(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer)
    content = db.Column(db.Text)


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


@app.post("/channels")
@login_required
def add_channel():
    db.session.add(Notification(user_id=current_user.id, content="channel"))
    db.session.commit()
    return jsonify(ok=True)


@app.post("/api/notify")
def notify():
    data = request.get_json()
    user = User.query.filter_by(token=data["token"]).first()  # expect: FL206(high)
    if not user:
        return jsonify({"status": "error", "message": "invalid token"}), 401
    db.session.add(Notification(user_id=user.id, content=data["content"]))
    db.session.commit()
    return jsonify(ok=True)


@app.delete("/plugins/<plugin_name>")
def uninstall_plugin(plugin_name):
    return jsonify({"status": "error", "message": "Plugin uninstallation not implemented yet"})


@app.post("/api/broadcast")
def broadcast():  # expect: FL202(high)
    data = request.get_json()
    sender = User.query.filter_by(token=data["token"]).first()
    db.session.add(Notification(user_id=sender.id if sender else None, content=data["content"]))
    db.session.commit()
    return jsonify(ok=True)
