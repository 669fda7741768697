"""FL306 medium: the algorithm falls back to RS256 and the public key comes from the
environment: the key's owner mints tokens for other services too."""
import os

from flask import Flask, request
from flask_jwt_extended import JWTManager, create_access_token

app = Flask(__name__)
app.config["JWT_ALGORITHM"] = os.environ.get("JWT_ALGORITHM", "RS256")
jwt = JWTManager(app)  # expect: FL306(medium)


@app.get("/me")
def me():
    return {"user": request.headers.get("X-User")}
