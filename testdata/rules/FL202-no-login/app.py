"""An internal address book with no login at all: it reads and edits entries by id for
whoever reaches it. Nothing in the app says which routes a login should guard, so nothing is
reported (where it is deployed decides)."""
from flask import Flask, jsonify, request

from models import User, db

app = Flask(__name__)


@app.put("/api/users/<int:user_id>")
def update_user(user_id):
    user = User.query.get_or_404(user_id)
    user.username = request.get_json()["username"]
    db.session.commit()
    return jsonify(ok=True)


@app.delete("/api/users/<int:user_id>")
def delete_user(user_id):
    db.session.delete(User.query.get_or_404(user_id))
    db.session.commit()
    return jsonify(ok=True)
