"""An API whose tokens travel in headers only: nothing signs with Flask's key. A diagnostic
script beside it, test code by its name, prints whether the key is set; that reads the key
but relies on nothing it signs, so the weak fallback stays low."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, jwt_required

app = Flask(__name__)
app.config["SECRET_KEY"] = os.getenv("SECRET_KEY", "dev-secret")  # expect: FL302(low)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
app.config["JWT_TOKEN_LOCATION"] = ["headers"]
JWTManager(app)


@app.post("/login")
def login():
    if request.json.get("password") != os.environ["ADMIN_PASSWORD"]:
        return jsonify(error="bad password"), 401
    return jsonify(token=create_access_token(identity="admin"))


@app.route("/me")
@jwt_required()
def me():
    return jsonify(ok=True)
