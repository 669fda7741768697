"""The deployed app (vercel.json builds `api/index.py`): it logs users in through Flask's
session, so its fallback key signs logins."""
import os

from flask import Flask, session

app = Flask(__name__)
app.secret_key = os.environ.get("SECRET_KEY", "dev-key-change-in-production")  # expect: FL302(high)


@app.route("/login", methods=["POST"])
def login():
    session["user_id"] = 1
    return "ok"


@app.route("/me")
def me():
    return {"user_id": session.get("user_id")}
