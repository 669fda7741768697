from flask import jsonify, request
from flask_login import login_user
from werkzeug.security import check_password_hash, generate_password_hash

from ..models import User
from ..server import app


@app.route("/api/user/validate", methods=["POST"])
def validate_user():
    # Trap: the login itself, by what it does.
    user = User.find(request.form["username"])
    if user is None or not check_password_hash(user.password_hash, request.form["password"]):
        return jsonify(status="Invalid"), 401
    login_user(user)
    return jsonify(status=True)


@app.route("/api/user/create", methods=["GET", "POST"])
def make_account():
    # Trap: a sign-up form that both shows and posts.
    if request.method == "GET":
        return jsonify(fields=["username", "password"])
    User.create_user(request.form["username"], generate_password_hash(request.form["password"]))
    return jsonify(status=True), 201
