"""FL306 medium: keys chosen per token by a `decode_key_loader` (tenants' keys), although the app
also mints tokens of its own."""
import os

from flask import Flask, request
from flask_jwt_extended import JWTManager, create_access_token

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)  # expect: FL306(medium)
TENANT_KEYS = {}


@jwt.decode_key_loader
def tenant_key(header, payload):
    return TENANT_KEYS[payload["tenant"]]


@app.post("/login")
def login():
    return {"token": create_access_token(identity=request.json["user"])}
