"""FL306 low: RS256, but the app signs with its own private key and mints its tokens itself."""
from flask import Flask, request
from flask_jwt_extended import JWTManager, create_access_token

app = Flask(__name__)
app.config["JWT_ALGORITHM"] = "RS256"
app.config["JWT_PRIVATE_KEY"] = open("keys/private.pem").read()
app.config["JWT_PUBLIC_KEY"] = open("keys/public.pem").read()
jwt = JWTManager(app)


@app.post("/login")
def login():
    return {"token": create_access_token(identity=request.json["user"])}
