from flask import Flask, request
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Post(db.Model):
    __tablename__ = "post"
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    body = db.Column(db.Text)


@app.route("/forum/posts/<int:post_id>", methods=["POST"])
@login_required
def edit_forum_post(post_id):  # expect: FL201(high)
    post = Post.query.get_or_404(post_id)
    post.body = request.form["body"]
    db.session.commit()
    return "", 204
