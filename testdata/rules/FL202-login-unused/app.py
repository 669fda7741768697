"""A social API whose login hands out a JWT that no route asks for: with no authenticated
route to compare with, the routes that change or delete an account by its id are what the
login was meant to guard. Reading one profile and signing up stay silent."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token
from werkzeug.security import check_password_hash, generate_password_hash

from models import User, db

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)


@app.post("/api/users/login")
def login():
    data = request.get_json()
    user = User.query.filter_by(username=data["username"]).first()
    if user is None or not check_password_hash(user.password_hash, data["password"]):
        return jsonify(message="Invalid credentials"), 401
    return jsonify(access_token=create_access_token(identity=str(user.id)))


@app.post("/api/users/")
def create_user():
    data = request.get_json()
    user = User(username=data["username"], password_hash=generate_password_hash(data["password"]))
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id), 201


@app.get("/api/users/<int:user_id>")
def get_user(user_id):
    user = User.query.get_or_404(user_id)
    return jsonify(username=user.username)


@app.put("/api/users/<int:user_id>")
def update_user(user_id):  # expect: FL202
    user = User.query.get_or_404(user_id)
    user.password_hash = generate_password_hash(request.get_json()["password"])
    db.session.commit()
    return jsonify(ok=True)


@app.delete("/api/users/<int:user_id>")
def delete_user(user_id):  # expect: FL202
    db.session.delete(User.query.get_or_404(user_id))
    db.session.commit()
    return jsonify(ok=True)


@app.put("/api/posts/<int:post_id>")
def update_post(post_id):
    return jsonify(ok=True, post=post_id)
