"""Taskflow-manager's user model: `generate_token` signs with a key that falls back to a literal
(high), and a static method nothing in the project calls falls back to the same literal: no
request runs it, so its copy is low. A model calls none of its static methods by
name."""
import datetime
import os

import jwt
from flask import Flask, jsonify
from flask_login import LoginManager, UserMixin, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)

    def generate_token(self):
        key = os.environ.get("TOKEN_KEY", "dev-secret-key")  # expect: FL302(high)
        expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=15)
        return jwt.encode({"sub": self.email, "exp": expires}, key, algorithm="HS256")

    @staticmethod
    def verify_token(token):
        key = os.environ.get("TOKEN_KEY", "dev-secret-key")  # expect: FL302(low)
        return jwt.decode(token, key, algorithms=["HS256"])  # expect: FL105(low)


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


@app.post("/token")
@login_required
def token():
    return jsonify(token=current_user.generate_token())
