"""A vocabulary trainer (english_learner's shape) whose logout is called `exit`: a handler that
only ends the caller's login needs no authentication, whatever its name. One that also deletes
data is no logout."""
from flask import Flask, redirect, request
from flask_login import LoginManager, login_required, login_user, logout_user
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String)


class Word(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))


@app.post("/users/login")
def login():
    user = User.query.filter_by(name=request.form["name"]).first()
    login_user(user)
    return redirect("/")


@app.route("/users/exit", methods=["GET", "POST"])
def exit():
    logout_user()
    return redirect("/")


@app.post("/users/exit-and-forget")
def exit_and_forget():  # expect: FL202
    Word.query.delete()
    db.session.commit()
    logout_user()
    return redirect("/")


@app.get("/words")
@login_required
def words():
    return "ok"
