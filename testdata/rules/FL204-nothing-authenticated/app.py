"""A pharmacy back office (MedAccess's shape) where nobody ever signs in: its user records carry a
role nothing compares, so a request setting it makes nobody an administrator; what is open is
every route."""
from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String)
    role = db.Column(db.String)


@app.put("/users/<int:user_id>")
def update_user(user_id):  # expect: FL204(low)
    user = User.query.get_or_404(user_id)
    data = request.get_json()
    user.name = data.get("name", user.name)
    user.role = data.get("role", user.role)
    db.session.commit()
    return jsonify(ok=True)


@app.get("/users")
def list_users():
    return jsonify([u.name for u in User.query.all()])
