"""A blog whose posts anyone reads by id (`GET|POST /post/<id>`: the `POST` adds a comment for
logged-in readers): an author page listing one author's posts behind a login shows nothing
more (low). Editing a post by id is still the author's alone, and a route that writes for
anonymous callers (an open `pay` step) is no evidence that what it reads is public."""
from flask import Flask, redirect, render_template, request
from flask_login import current_user, login_required

from models import BlogPost, Comment, Note, db

app = Flask(__name__)


@app.route("/post/<int:post_id>", methods=["GET", "POST"])
def post_page(post_id):
    post = BlogPost.query.get_or_404(post_id)
    if request.method == "POST" and current_user.is_authenticated:
        db.session.add(Comment(post_id=post.id, author_id=current_user.id, text=request.form["text"]))
        db.session.commit()
    return render_template("post.html", post=post)


@app.route("/my_posts/<int:user_id>")
@login_required
def my_posts(user_id):  # expect: FL201(low)
    posts = BlogPost.query.filter_by(author_id=user_id).all()
    return render_template("my_posts.html", posts=posts)


@app.route("/edit/<int:post_id>", methods=["POST"])
@login_required
def edit_post(post_id):  # expect: FL201
    post = BlogPost.query.get_or_404(post_id)
    post.body = request.form["body"]
    db.session.commit()
    return redirect(f"/post/{post.id}")


@app.route("/notes/<int:note_id>/pay", methods=["GET", "POST"])
def pay_note(note_id):  # expect: FL202
    note = Note.query.get_or_404(note_id)
    if request.method == "POST":
        db.session.add(Comment(post_id=note.id, text="paid"))
        db.session.commit()
    return render_template("pay.html", note=note)


@app.route("/notes/<int:note_id>")
@login_required
def show_note(note_id):  # expect: FL201
    note = Note.query.get_or_404(note_id)
    return render_template("note.html", note=note)
