"""Matcha's shape: Flask-Session keeps the session on the server, so the cookie holds a random
session id and the key signs nothing a forger could use. FL302 stays, at low, with the reason."""
from flask import Flask, session
from flask_session import Session

app = Flask(__name__)
sess = Session()
app.secret_key = "super secret pswd"  # expect: FL302(low)
app.config["SESSION_TYPE"] = "filesystem"
sess.init_app(app)


@app.route("/profile")
def profile():
    return session.get("user", "")
