"""any-questions' users API: `GET /api/users/`, a handler named `index`, sends `to_dict()` of
every user, and that dict holds `hashed_password`. A listing named like a public index page is
still reported when it hands out credentials; the members listing that sends names only stays
silent."""
import os

from flask import Flask, request
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_name = db.Column(db.String(40))
    hashed_password = db.Column(db.String(255))

    def to_dict(self):
        return {
            "id": self.id,
            "user_name": self.user_name,
            "hashed_password": self.hashed_password,
        }


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40))

    def to_dict(self):
        return {"id": self.id, "name": self.name}


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


@app.route("/api/users/")
def index():  # expect: FL202(high)
    return {"list": [user.to_dict() for user in User.query.all()]}


@app.route("/api/members/")
def members_index():
    return {"list": [member.to_dict() for member in Member.query.all()]}


@app.post("/api/users/me/name")
@login_required
def rename():
    current_user.user_name = request.get_json()["name"]
    db.session.commit()
    return current_user.to_dict()
