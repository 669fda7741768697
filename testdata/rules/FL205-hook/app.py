"""An app-wide hook refuses anonymous requests (changedetection.io's check_authentication)."""
import os

from flask import Flask, request
from flask_login import LoginManager, current_user, login_required

from roles import admin_required

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
login_manager = LoginManager(app)
PASSWORD = os.environ.get("APP_PASSWORD")


@app.before_request
def check_authentication():
    if PASSWORD and not current_user.is_authenticated:
        if request.endpoint == "static":
            return None
        else:
            return login_manager.unauthorized()


@login_required  # expect: FL205(low)
@app.get("/watches/<uuid>/status")
def status(uuid):
    return {"uuid": uuid}


@admin_required  # expect: FL205(high)
@app.post("/watches/<uuid>/delete")
def delete(uuid):
    return {"deleted": uuid}
