"""The same sign-up where one route also reads an administrator flag: a visitor who sends
`role=moderator` may remove what administrators do (critical)."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)
USERS = {}


class User(dict):
    pass
LISTINGS = {}


@app.post("/register")
def register():  # expect: FL204(critical)
    data = request.get_json()
    USERS[data["email"]] = User(
        password=data.get("password"),
        role=data.get("role", "buyer"),
    )
    return jsonify(created=True), 201


@app.post("/login")
def login():
    data = request.get_json()
    user = USERS.get(data["email"])
    if not user or user["password"] != data["password"]:
        return jsonify(error="invalid credentials"), 401
    return jsonify(token=create_access_token(identity=data["email"]))


@app.post("/listings")
@jwt_required()
def create_listing():
    user = USERS.get(get_jwt_identity())
    if not user or user["role"] != "seller":
        return jsonify(error="Only sellers can list"), 403
    LISTINGS[len(LISTINGS)] = dict(request.get_json(), seller=get_jwt_identity())
    return jsonify(created=True), 201


@app.delete("/listings/<int:listing_id>")
@jwt_required()
def remove_listing(listing_id):
    user = USERS.get(get_jwt_identity())
    if not user or user["role"] != "moderator":
        return jsonify(error="Only moderators remove listings"), 403
    LISTINGS.pop(listing_id, None)
    return "", 204
