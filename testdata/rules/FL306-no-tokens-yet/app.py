"""FL306 low: a lesson that sets up the manager before any login or protected route. The app
takes no token anywhere yet, so it cannot be accepting tokens "from another service"."""
import os

from flask import Flask
from flask_jwt_extended import JWTManager

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)


@app.get("/ping")
def ping():
    return "pong"
