import time

import jwt
from flask import Flask, current_app, request

app = Flask(__name__)


@app.get("/me")
def me():
    token = request.headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=["HS256"])  # expect: FL105(low)
    return {"user": claims["sub"]}


@app.post("/login")
def login():
    claims = {"sub": request.form["user"], "exp": int(time.time()) + 900}
    return {"token": jwt.encode(claims, current_app.config["SECRET_KEY"], algorithm="HS256")}
