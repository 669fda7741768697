"""The same app with one route that requires the token: the key and the printed token matter."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "your-temporary-secret-key")  # expect: FL302
JWTManager(app)


@app.post("/login")
def login():
    if request.json.get("password") != os.environ["ADMIN_PASSWORD"]:
        return jsonify(message="Invalid credentials"), 401
    access_token = create_access_token(identity="admin")
    print(f"access token: {access_token}")  # expect: FL403
    return jsonify(access_token=access_token)


@app.get("/secrets")
@jwt_required()
def secrets():
    return jsonify(secret=os.environ["SECRET_VALUE"])
