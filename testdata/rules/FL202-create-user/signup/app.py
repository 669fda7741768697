"""A carpool API: `POST /api/create_user` is its sign-up, open to whoever calls it."""
from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = __import__("os").environ["JWT_SECRET_KEY"]
db = SQLAlchemy(app)
jwt = JWTManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True)
    email = db.Column(db.String(120), unique=True)
    password_hash = db.Column(db.String(200))


class Trip(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    driver_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    seats = db.Column(db.Integer)


@app.route("/api/create_user", methods=["POST"])
def create_user():
    username = request.json.get("username")
    email = request.json.get("email")
    password = request.json.get("password")
    if User.query.filter_by(username=username).first() is not None:
        return jsonify(error="taken"), 400
    user = User(username=username, email=email)
    user.password_hash = generate_password_hash(password)
    db.session.add(user)
    db.session.commit()
    return jsonify(username=user.username), 201


@app.route("/api/login", methods=["POST"])
def login():
    user = User.query.filter_by(username=request.json.get("username")).first()
    if user and check_password_hash(user.password_hash, request.json.get("password")):
        return jsonify(access_token=create_access_token(identity=str(user.id)))
    return jsonify(error="invalid"), 401


@app.route("/api/trips", methods=["POST"])
@jwt_required()
def create_trip():
    trip = Trip(driver_id=int(get_jwt_identity()), seats=request.json.get("seats"))
    db.session.add(trip)
    db.session.commit()
    return jsonify(id=trip.id), 201
