from flask import Flask
from flask_jwt_extended import JWTManager, create_access_token, jwt_required

app = Flask(__name__)
app.config.from_object("config")
jwt = JWTManager(app)


@app.post("/login")
def login():
    return {"token": create_access_token(identity="alice")}


@app.post("/notes")
@jwt_required()
def create_note():
    return {"ok": True}
