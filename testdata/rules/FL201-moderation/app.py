"""A poll site's moderation (learnen's shape): moderators act on other users by design, views
forward to the API with the caller's own token, and an optional-token hook authenticates
nothing."""
import os
from functools import wraps

import requests
from flask import Flask, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    current_user,
    jwt_required,
    verify_jwt_in_request,
)
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String, unique=True)
    group = db.Column(db.Integer)
    points = db.Column(db.Integer)
    banned = db.Column(db.Boolean)


class Comment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    text = db.Column(db.String)


class ModeratorGroup:
    @staticmethod
    def is_belong(group):
        return group >= 2


def moderator_required():
    def wrapper(func):
        @wraps(func)
        def decorator(*args, **kwargs):
            verify_jwt_in_request()
            if not ModeratorGroup.is_belong(current_user.group):
                abort(403)
            return func(*args, **kwargs)

        return decorator

    return wrapper


# Logs banned users out of the pages; lets every request without a token through.
@app.before_request
@jwt_required(optional=True)
def logout_if_banned():
    if request.path.startswith("/api"):
        return None
    if current_user and current_user.banned:
        return redirect("/")
    return None


@app.post("/api/login")
def login():
    data = request.get_json()
    user = User.query.filter_by(username=data["username"]).first_or_404()
    return jsonify(token=create_access_token(identity=user.id))


# Comments are published with their polls: read by anyone (no authentication, not the hook's).
@app.get("/api/comments/<int:comment_id>")
def get_comment(comment_id):
    return jsonify(text=Comment.query.get_or_404(comment_id).text)


# Changing another user's points is what a moderator is for.
@app.put("/api/users/<username>/points")
@moderator_required()
def change_points(username):
    user = User.query.filter_by(username=username).first_or_404()
    user.points += request.get_json()["count"]
    db.session.commit()
    return jsonify(ok=True)


# The page forwards to the API with the caller's own token; the API's route decides.
@app.route("/user/<username>/ban", methods=["POST"])
@jwt_required()
def user_ban(username):
    resp = requests.put(
        f"{request.url_root}api/users/{username}/ban",
        headers={"Authorization": request.headers.get("Authorization", "")},
        timeout=5,
    )
    if resp.status_code == 200:
        flash("User has been banned.")
    else:
        code = resp.json()["error"]["code"]
        flash(f"Failed: {code}")
    return redirect(url_for("user_page", username=username))


# The name shown on the page, nothing read with it.
@app.get("/user/<username>/send_email")
@jwt_required()
def send_email_form(username):
    return render_template("send_email.html", username=username)


# Any logged-in user reads another user's private comment by id: still reported.
@app.get("/me/comments/<int:comment_id>")
@jwt_required()
def my_comment(comment_id):  # expect: FL201
    return jsonify(text=Comment.query.get_or_404(comment_id).text)
