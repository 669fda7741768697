"""The authentication service of a two-service system (Election-Management-System's shape):
it mints every token, with the secret both services write in their code."""
from flask import Flask, request
from flask_jwt_extended import JWTManager, create_access_token

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = "9f1c2e7b4a8d6035e1b7c9a2f4d8e6b0"  # expect: FL301
jwt = JWTManager(app)


@app.post("/login")
def login():
    return {"token": create_access_token(identity=request.json["email"])}
