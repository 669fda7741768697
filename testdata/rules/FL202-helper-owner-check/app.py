"""memora's shape: memorials belong to an account or to a guest session. Each section's
handlers first hand the memorial's id to `check_memorial_access`, which reads the optional
token's identity and the `X-Guest-Session` header, compares them with the memorial's owner and
hands back a 403 response that the handler returns. The routes have an owner check, not a
missing one: silent (FL201 and FL206 judge the check itself). `delete_tributes` calls a helper
that only loads the memorial, refusing no one: reported."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    get_jwt_identity,
    jwt_required,
    verify_jwt_in_request,
)
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
db = SQLAlchemy(app)
JWTManager(app)


class Memorial(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer)
    guest_session = db.Column(db.String(64))
    speeches = db.Column(db.Text)
    tributes = db.Column(db.Text)


def check_memorial_access(memorial_id):
    memorial = Memorial.query.get(memorial_id)
    if not memorial:
        return None, jsonify({"error": "Memorial not found"}), 404
    user_id = None
    try:
        verify_jwt_in_request(optional=True)
        user_id = get_jwt_identity()
    except Exception:
        pass
    guest_session = request.headers.get("X-Guest-Session")
    if not (memorial.user_id == user_id or memorial.guest_session == guest_session):
        return None, jsonify({"error": "Access denied"}), 403
    return memorial, None, None


def load_memorial(memorial_id):
    return Memorial.query.get_or_404(memorial_id)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))
    password_hash = db.Column(db.String(200))


@app.post("/api/login")
def login():
    user = User.query.filter_by(email=request.json["email"]).first()
    if user is None or not check_password_hash(user.password_hash, request.json["password"]):
        return jsonify(error="invalid credentials"), 401
    return jsonify(token=create_access_token(identity=user.id))


@app.get("/api/memorials")
@jwt_required()
def list_memorials():
    rows = Memorial.query.filter_by(user_id=get_jwt_identity()).all()
    return jsonify([row.id for row in rows])


@app.delete("/api/memorials/<int:memorial_id>")
@jwt_required()
def delete_memorial(memorial_id):
    memorial = Memorial.query.filter_by(id=memorial_id, user_id=get_jwt_identity()).first_or_404()
    db.session.delete(memorial)
    db.session.commit()
    return jsonify(deleted=True)


@app.put("/api/memorials/<int:memorial_id>/speeches")
def save_speeches(memorial_id):
    memorial, error_response, status_code = check_memorial_access(memorial_id)
    if error_response:
        return error_response, status_code
    memorial.speeches = request.json["speeches"]
    db.session.commit()
    return jsonify(saved=True)


@app.delete("/api/memorials/<int:memorial_id>/tributes")
def delete_tributes(memorial_id):  # expect: FL202(high)
    memorial = load_memorial(memorial_id)
    memorial.tributes = None
    db.session.commit()
    return jsonify(deleted=True)
