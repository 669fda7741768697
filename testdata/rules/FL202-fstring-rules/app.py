"""Rules written as f-strings are routes too, when part of them is known only at run time
(WGDashboard's `f"{APP_PREFIX}/api/..."`, the prefix read from a config file)."""
import configparser
import os

from flask import Blueprint, Flask, jsonify, session
from flask_jwt_extended import JWTManager, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)  # expect: FL306
settings = configparser.ConfigParser()
settings.read("app.ini")
APP_PREFIX = settings.get("server", "prefix")
API = "/api"
CLIENTS = {}


@app.get(f"{APP_PREFIX}{API}/clients")
@jwt_required()
def list_clients():
    return jsonify(sorted(CLIENTS))


@app.delete(f"{APP_PREFIX}{API}/clients/<client_id>")
def delete_client(client_id):  # expect: FL202
    CLIENTS.pop(client_id, None)
    return "", 204


@app.post(API + "/clients/<client_id>/disable")
def disable_client(client_id):  # expect: FL202
    CLIENTS[client_id] = {"enabled": False}
    return "", 204


# A blueprint whose hook answers 401 through `response.status_code` (WGDashboard's shape).
admin = Blueprint("admin", __name__, url_prefix=f"{APP_PREFIX}/admin")


@admin.before_request
def require_admin_session():
    if "username" not in session:
        response = jsonify(status=False, message="Unauthorized access.")
        response.status_code = 401
        return response


# Authenticated by the hook: not FL202 (the hook checks a login, not a role or an owner).
@admin.delete("/clients/<client_id>")
def admin_delete_client(client_id):  # expect: FL201, FL204
    CLIENTS.pop(client_id, None)
    return "", 204


app.register_blueprint(admin)
