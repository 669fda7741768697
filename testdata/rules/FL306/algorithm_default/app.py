"""FL306 low: the algorithm is set again from itself with `HS256` as the fallback (taskflow's
`app.config.get("JWT_ALGORITHM", "HS256")`): an HMAC secret of the app's own, which mints its
tokens itself."""
import os

from flask import Flask, request
from flask_jwt_extended import JWTManager, create_access_token

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)
app.config["JWT_ALGORITHM"] = app.config.get("JWT_ALGORITHM", "HS256")


@app.post("/login")
def login():
    return {"token": create_access_token(identity=request.json["user"])}
