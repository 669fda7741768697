"""An insurance office (hsrm5060's shapes). A `before_request` hook answering 403 to blocked
addresses says nothing about which claims a logged-in employee may open; a claim whose
`created_by_user_id` names its owner is private, even read-only. A blog post with an author is
read by everyone: reading one by id is no finding."""
import os

from flask import Flask, jsonify, render_template
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

from security import is_ip_blocked

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)
LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Claim(db.Model):
    id = db.Column(db.String, primary_key=True)
    created_by_user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    amount = db.Column(db.Integer)


class Goal(db.Model):
    # Owned through the owner's profile: `user_profile_id` (fitlife360).
    id = db.Column(db.String, primary_key=True)
    user_profile_id = db.Column(db.String, db.ForeignKey("user_profiles.id"))
    name = db.Column(db.String)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    body = db.Column(db.String)


@app.before_request
def security_middleware():
    if is_ip_blocked():
        return jsonify(error="Access denied"), 403


@app.get("/claims/<string:id>")
@login_required
def view_claim(id):  # expect: FL201
    claim = Claim.query.get_or_404(id)
    return render_template("claim.html", claim=claim)


@app.get("/my-claims/<string:id>")
@login_required
def view_own_claim(id):
    claim = Claim.query.filter_by(id=id, created_by_user_id=current_user.id).first_or_404()
    return render_template("claim.html", claim=claim)


@app.get("/posts/<int:post_id>")
@login_required
def view_post(post_id):
    post = Post.query.get_or_404(post_id)
    return render_template("post.html", post=post)


@app.delete("/goal/<goal_id>")
@login_required
def delete_goal(goal_id):  # expect: FL201
    db.session.delete(Goal.query.get_or_404(goal_id))
    db.session.commit()
    return jsonify(ok=True)
