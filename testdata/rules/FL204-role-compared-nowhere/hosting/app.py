"""The same sign-up where a decorator compares the role in the verified claims with `admin`:
the visitor who sends `"role": "admin"` is an administrator (FL204 critical)."""
from functools import wraps

from flask import Flask, abort, jsonify, request
from flask_jwt_extended import JWTManager, get_jwt, jwt_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
app.config["JWT_DECODE_AUDIENCE"] = "hosting"
db = SQLAlchemy(app)
JWTManager(app)


class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)
    password_hash = db.Column(db.String(255))
    role = db.Column(db.String(10), default="guest")


def admin_required(view):
    @wraps(view)
    @jwt_required()
    def wrapper(*args, **kwargs):
        if get_jwt().get("role") != "admin":
            abort(403)
        return view(*args, **kwargs)

    return wrapper


@app.post("/api/auth/register")
def register():  # expect: FL204(critical)
    data = request.get_json()
    account = Account(email=data["email"], password_hash=data["password"], role=data.get("role"))
    db.session.add(account)
    db.session.commit()
    return jsonify(id=account.id), 201


@app.delete("/api/admin/accounts/<int:account_id>")
@admin_required
def delete_account(account_id):
    db.session.delete(db.session.get(Account, account_id))
    db.session.commit()
    return jsonify(deleted=account_id)
