"""Tisha031's task tracker: tokens travel in cookies and CSRF protection is off, but every
authenticated route that changes state reads `request.get_json()` or answers PUT, PATCH or
DELETE only. Another site's page cannot send those without a CORS preflight: low."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, jwt_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
app.config["JWT_COOKIE_SECURE"] = True
app.config["JWT_COOKIE_CSRF_PROTECT"] = False  # expect: FL303(low)
jwt = JWTManager(app)
db = SQLAlchemy(app)


class Task(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200))


@app.post("/login")
def login():
    return jsonify(token=create_access_token(identity="alice"))


@app.post("/tasks")
@jwt_required()
def create_task():
    data = request.get_json()
    db.session.add(Task(title=data["title"]))
    db.session.commit()
    return jsonify(ok=True), 201


@app.delete("/tasks/<int:task_id>")
@jwt_required()
def delete_task(task_id):
    db.session.delete(db.get_or_404(Task, task_id))
    db.session.commit()
    return "", 204
