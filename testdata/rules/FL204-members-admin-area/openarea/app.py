"""StonewallNexus's admin blueprint authenticates none of its routes, while the rest of the app
requires a login: the open area is the finding, and its page of listings is part of it
(medium), though the public `/listings` shows the same rows."""
from flask import Flask, redirect, render_template
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class Chapter(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120))


@app.route("/listings")
def listings():
    return render_template("listings.html", chapters=Chapter.query.all())


@app.route("/account")
@login_required
def account():
    return render_template("account.html")


@app.route("/admin/chapters")
def admin_chapters():  # expect: FL202(medium)
    return render_template("admin_chapters.html", chapters=Chapter.query.all())


@app.route("/admin/chapters/<int:chapter_id>/delete", methods=["POST"])
def delete_chapter(chapter_id):  # expect: FL202(high)
    db.session.delete(db.get_or_404(Chapter, chapter_id))
    db.session.commit()
    return redirect("/admin/chapters")
