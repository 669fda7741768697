"""FL306 medium: this app verifies tokens but mints none; they come from another service that
shares the secret. (`own_hmac/` mints with the same setting, but it is another application.)"""
import os

from flask import Flask
from flask_jwt_extended import JWTManager, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)  # expect: FL306(medium)


@app.get("/orders")
@jwt_required()
def orders():
    return {"orders": []}
