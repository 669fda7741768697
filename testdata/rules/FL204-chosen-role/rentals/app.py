"""A rental site where the visitor signs up as a host or a guest, and no role above those exists:
choosing one is the design (low), though any string the request sends is stored."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)
USERS = {}


class User(dict):
    pass
PROPERTIES = {}


@app.post("/register")
def register():  # expect: FL204(low)
    data = request.get_json()
    USERS[data["email"]] = User(
        password=data.get("password"),
        role=data.get("role", "guest"),
    )
    return jsonify(created=True), 201


@app.post("/login")
def login():
    data = request.get_json()
    user = USERS.get(data["email"])
    if not user or user["password"] != data["password"]:
        return jsonify(error="invalid credentials"), 401
    return jsonify(token=create_access_token(identity=data["email"]))


@app.post("/properties")
@jwt_required()
def create_property():
    user = USERS.get(get_jwt_identity())
    if not user or user["role"] != "host":
        return jsonify(error="Only hosts can list properties"), 403
    PROPERTIES[len(PROPERTIES)] = dict(request.get_json(), host=get_jwt_identity())
    return jsonify(created=True), 201


@app.post("/bookings")
@jwt_required()
def create_booking():
    user = USERS.get(get_jwt_identity())
    if not user or user["role"] not in ("guest",):
        return jsonify(error="Only guests can book"), 403
    if not all(key in request.get_json() for key in ("check_in", "check_out")):
        return jsonify(error="missing dates"), 400
    return jsonify(booked=True), 201
