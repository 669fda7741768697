"""MPrazeres' projects API: `POST /projects/<id>/members` takes the new member's `role` from the
body, and hands it with the caller's id to `ProjectService.add_member`, which refuses before it
adds anyone unless `can_modify_project(project_id, actor_id)` holds. The check is the service's:
silent. A service method that adds members without asking stays high."""
import os

from flask import Flask, abort, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import generate_password_hash

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)
    password_hash = db.Column(db.String(255))
    is_admin = db.Column(db.Boolean, default=False)


class Membership(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    project_id = db.Column(db.Integer)
    user_id = db.Column(db.Integer)
    role = db.Column(db.String(20))


class ProjectService:
    def can_modify_project(self, project_id, user_id):
        return Membership.query.filter_by(
            project_id=project_id, user_id=user_id, role="owner"
        ).first() is not None

    def add_member(self, project_id, actor_id, member_user_id, role="member"):
        if not self.can_modify_project(project_id, actor_id):
            return False, "Not authorized to add members"
        db.session.add(Membership(project_id=project_id, user_id=member_user_id, role=role))
        db.session.commit()
        return True, None

    def add_guest(self, project_id, actor_id, member_user_id, role="member"):
        db.session.add(Membership(project_id=project_id, user_id=member_user_id, role=role))
        db.session.commit()
        return True, None


project_service = ProjectService()


@app.post("/register")
def register():
    data = request.get_json()
    db.session.add(
        User(email=data["email"], password_hash=generate_password_hash(data["password"]))
    )
    db.session.commit()
    return jsonify(ok=True), 201


@app.post("/login")
def login():
    return jsonify(token=create_access_token(identity=request.get_json()["email"]))


@app.delete("/admin/users/<int:user_id>")
@jwt_required()
def delete_user(user_id):
    caller = User.query.filter_by(email=get_jwt_identity()).first_or_404()
    if not caller.is_admin:
        abort(403)
    db.session.delete(db.get_or_404(User, user_id))
    db.session.commit()
    return "", 204


@app.post("/projects/<int:project_id>/members")
@jwt_required()
def add_member(project_id):
    data = request.get_json()
    ok, error = project_service.add_member(
        project_id=project_id,
        actor_id=get_jwt_identity(),
        member_user_id=data["user_id"],
        role=data.get("role", "member"),
    )
    if not ok:
        return jsonify(error=error), 400
    return jsonify(ok=True), 201


@app.post("/projects/<int:project_id>/invitations")
@jwt_required()
def invite_member(project_id):  # expect: FL204(high)
    data = request.get_json()
    project_service.add_guest(
        project_id=project_id,
        actor_id=get_jwt_identity(),
        member_user_id=data["user_id"],
        role=data.get("role", "member"),
    )
    return jsonify(ok=True), 201
