"""An app that mints Flask-JWT-Extended tokens at its login and verifies none: a guessable
JWT key, or a printed token, opens nothing today (both low)."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "your-temporary-secret-key")  # expect: FL302(low)
JWTManager(app)


@app.post("/login")
def login():
    if request.json.get("password") != os.environ["ADMIN_PASSWORD"]:
        return jsonify(message="Invalid credentials"), 401
    access_token = create_access_token(identity="admin")
    print(f"access token: {access_token}")  # expect: FL403(low)
    return jsonify(access_token=access_token)
