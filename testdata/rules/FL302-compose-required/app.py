"""The production compose file refuses to start without `FLASK_SECRET_KEY`, so that fallback
never signs there (reported low); `JWT_SECRET_KEY` it passes through even when unset, so its
fallback is what a forgotten variable signs with."""
import os

from flask import Flask, session
from flask_jwt_extended import JWTManager

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("FLASK_SECRET_KEY", "youcanneverguess")  # expect: FL302(low)
app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "jwtsecret")  # expect: FL302
JWTManager(app)  # expect: FL306(low)


@app.route("/visits")
def visits():
    session["visits"] = session.get("visits", 0) + 1
    return {"visits": session["visits"]}
