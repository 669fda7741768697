import os

from flask import Flask, request
from flask_jwt_extended import JWTManager, create_access_token, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
app.config["JWT_DECODE_AUDIENCE"] = "shop"
app.config["JWT_ENCODE_AUDIENCE"] = "shop"
jwt = JWTManager(app)


@app.post("/login")
def login():
    return {"token": create_access_token(identity=request.json["user"])}


@app.get("/cart")
@jwt_required()
def cart():
    return {"items": []}
