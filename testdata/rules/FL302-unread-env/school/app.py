"""A `.env` variable nothing reads is low; the one the code reads keeps its severity."""
import os

from dotenv import load_dotenv
from flask import Flask
from flask_jwt_extended import JWTManager, create_access_token, jwt_required

load_dotenv()
app = Flask(__name__)
# The session key is not set from the environment: this app keeps nothing in Flask's session.
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)


@app.get("/grades")
@jwt_required()
def grades():
    return {"grades": []}


@app.post("/login")
def login():
    return {"token": create_access_token(identity="teacher")}
