"""FL306 low: the app mints its tokens (`create_access_token`) and verifies them with its own
HMAC secret; only a service holding that secret could mint one it accepts."""
import os

from flask import Flask, request
from flask_jwt_extended import JWTManager, create_access_token, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)


@app.post("/login")
def login():
    return {"token": create_access_token(identity=request.json["user"])}


@app.get("/me")
@jwt_required()
def me():
    return {}
