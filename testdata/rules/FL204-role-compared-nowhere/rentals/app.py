"""bookingappbackend's sign-up stores the `role` the visitor sends, but nothing in the app
compares a role: administrators are the accounts with `is_admin`, which no visitor sets. The
chosen role grants nothing today (FL204 low). The sign-up's own test of the role it is sent
(`data.get("role") == "host"`) is about its input, not about an account."""
from flask import Flask, abort, jsonify, request
from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
app.config["JWT_DECODE_AUDIENCE"] = "rentals"
db = SQLAlchemy(app)
JWTManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)
    password_hash = db.Column(db.String(255))
    role = db.Column(db.String(10), default="guest")
    is_admin = db.Column(db.Boolean, default=False)


@app.post("/api/auth/register")
def register():  # expect: FL204(low)
    data = request.get_json()
    if data.get("role") == "host" and not data.get("phone"):
        return jsonify(error="hosts need a phone number"), 400
    user = User(email=data["email"], password_hash=data["password"], role=data.get("role"))
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id), 201


@app.post("/api/admin/users/<int:user_id>/block")
@jwt_required()
def block_user(user_id):
    caller = db.session.get(User, get_jwt_identity())
    if not caller.is_admin:
        abort(403)
    db.session.delete(db.session.get(User, user_id))
    db.session.commit()
    return jsonify(blocked=user_id)
