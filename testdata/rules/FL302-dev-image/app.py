"""The same weak key baked into two images: one built on a development base image (low), one
on a plain Python image that gunicorn serves (the rule's severity)."""
import os

from flask import Flask, session

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]


@app.route("/visits")
def visits():
    session["visits"] = session.get("visits", 0) + 1
    return {"visits": session["visits"]}
