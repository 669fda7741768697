"""Trap: the session is on the server, but Flask-Login signs its remember-me cookie with the
key, so a guessable key still logs anyone in."""
from flask import Flask, session
from flask_login import LoginManager, login_required
from flask_session import Session

app = Flask(__name__)
app.secret_key = "super secret pswd"  # expect: FL302
app.config["SESSION_TYPE"] = "redis"
Session(app)
login_manager = LoginManager(app)


@app.route("/profile")
@login_required
def profile():
    return session.get("user", "")
