import os

from dotenv import load_dotenv
from flask import Flask, session

load_dotenv()
app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/visits")
def visits():
    session["visits"] = session.get("visits", 0) + 1
    return {"visits": session["visits"]}
