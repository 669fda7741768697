"""The production compose file refuses to start without `FLASK_SECRET_KEY`, so that fallback
never signs there (reported low); `JWT_SECRET_KEY` it passes through even when unset, so its
fallback is what a forgotten variable signs with."""
import os

from flask import Flask, request, session
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("FLASK_SECRET_KEY", "youcanneverguess")  # expect: FL302(low)
app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "jwtsecret")  # expect: FL302
JWTManager(app)


@app.route("/visits")
def visits():
    session["visits"] = session.get("visits", 0) + 1
    return {"visits": session["visits"]}


@app.route("/me")
@jwt_required()
def me():
    return {"user": get_jwt_identity()}


@app.post("/login")
def login():
    if request.json.get("password") != os.environ["ADMIN_PASSWORD"]:
        return {"error": "bad password"}, 401
    return {"token": create_access_token(identity="admin")}
