"""The session holds nothing, but the same literal signs the API's tokens."""
import time

import jwt
from flask import Flask, request

SECRET_KEY = "dev"  # expect: FL302

app = Flask(__name__)
app.config["SECRET_KEY"] = SECRET_KEY


@app.post("/token")
def token():
    return {"token": jwt.encode({"sub": request.form["user"], "exp": time.time() + 600}, SECRET_KEY, algorithm="HS256")}
