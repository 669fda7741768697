"""CoinPulse's shape: `/verify_email/<token>` decodes a signed token and loads the account its
verified `sub` names. The URL value is a capability, not an id another caller could change to
reach someone else's account. `/tokens/<token_id>` names an API token record by its id, and
deleting another user's token that way is reported."""
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, decode_token, get_jwt_identity, jwt_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
app.config["JWT_DECODE_AUDIENCE"] = "coins"
db = SQLAlchemy(app)
JWTManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    verified = db.Column(db.Boolean, default=False)


class ApiToken(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))


@app.get("/me")
@jwt_required()
def me():
    return jsonify(id=get_jwt_identity())


@app.get("/verify_email/<token>")
def verify_email(token):
    data = decode_token(token)
    if data.get("purpose") != "verify":
        return jsonify(error="wrong token"), 400
    user = User.query.get(data["sub"])
    user.verified = True
    db.session.commit()
    return jsonify(ok=True)


@app.delete("/tokens/<int:token_id>")
@jwt_required()
def delete_token(token_id):  # expect: FL201
    token = ApiToken.query.get(token_id)
    db.session.delete(token)
    db.session.commit()
    return jsonify(ok=True)
