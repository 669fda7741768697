"""Records anyone may read by id on another route of the same app (dribdat's hackathon
projects: `GET /project/<int:project_id>` has no login): reading one behind a login by id shows
nothing more, so FL201 says it at low. Changing one, or a record the public route shows only one
attribute of, keeps its severity."""
import os

from flask import Flask, jsonify, render_template
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String)
    avatar_url = db.Column(db.String)


class Project(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    name = db.Column(db.String)


@app.route("/project/<int:project_id>")
def project_view(project_id):
    project = Project.query.filter_by(id=project_id).first_or_404()
    return render_template("project.html", project=project)


@app.route("/project/<int:project_id>/prompt")
@login_required
def project_prompt(project_id):  # expect: FL201(low)
    project = Project.query.filter_by(id=project_id).first_or_404()
    return jsonify(prompt=f"Tell us about {project.name}")


@app.route("/project/<int:project_id>/rename", methods=["POST"])
@login_required
def project_rename(project_id):  # expect: FL201(high)
    project = Project.query.filter_by(id=project_id).first_or_404()
    project.name = "renamed"
    db.session.commit()
    return jsonify(ok=True)


# The public route shows one attribute of a user, not the user.
@app.route("/public/users/<int:user_id>/avatar")
def avatar(user_id):
    return jsonify(User.query.get_or_404(user_id).avatar_url)


@app.route("/users/<int:user_id>/profile")
@login_required
def profile(user_id):  # expect: FL201(high)
    user = User.query.get_or_404(user_id)
    return jsonify(email=user.email, viewer=current_user.id)
