"""A fitness club's API (fitlife360's shapes). Visitors sign up at `POST /api/register`; `POST
/api/user` creates accounts too, for whoever calls it, beside routes that check the caller's
token. With a sign-up route of its own, `POST /users`-style creation is not the sign-up, unless
it makes the same ordinary account from fields it names (PerryKistruck's `POST /api/users/`):
a role among them, or set afterwards, is no sign-up."""
import os

import jwt
from flask import Flask, abort, jsonify, request

from models import User, storage

app = Flask(__name__)
SECRET = os.environ["JWT_SECRET"]


def caller_id():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    try:
        return jwt.decode(token, SECRET, algorithms=["HS256"])["sub"]  # expect: FL105(low)
    except jwt.InvalidTokenError:
        abort(401)


@app.post("/api/register")
def register():
    data = request.get_json()
    user = User(email=data["email"], password=data["password"])
    storage.save(user)
    return jsonify(id=user.id), 201


@app.post("/api/user")
def post_user():  # expect: FL202
    data = request.get_json()
    user = User(**data)
    storage.save(user)
    return jsonify(id=user.id), 201


@app.put("/api/user")
def put_user():
    user = storage.get(User, caller_id())
    user.name = request.get_json()["name"]
    storage.save(user)
    return jsonify(ok=True)


@app.post("/api/members")
def add_member():
    data = request.get_json()
    user = User(email=data["email"], password=data["password"], name=data["name"])
    storage.save(user)
    return jsonify(id=user.id), 201


@app.post("/api/staff/accounts")
def add_staff_account():  # expect: FL202, FL204(critical)
    data = request.get_json()
    user = User(email=data["email"], password=data["password"])
    user.is_admin = data.get("admin", False)
    storage.save(user)
    return jsonify(id=user.id), 201


@app.post("/api/team/users")
def add_team_user():  # expect: FL202, FL204(medium)
    data = request.get_json()
    user = User(email=data["email"], role=data["role"])
    storage.save(user)
    return jsonify(id=user.id), 201
