import hmac
import os

from flask import Flask, abort, current_app, jsonify, redirect, request
from flask_login import login_required

from models import Agent, Device, Service, User, UserSetting
from settings import Config

app = Flask(__name__)
app.config.from_object(Config)


def user_authorized(uuid):
    user = User.query.filter_by(api_key=uuid).first()  # expect: FL206
    if user:
        return True
    return False


def is_authorized(request):
    if request.cookies:
        if user_authorized(request.cookies.get("uuid")):
            return True
    return False


@app.get("/v1/jobs")
def jobs():
    if not is_authorized(request):
        return redirect("/v1/not_authorized")
    return jsonify([])


@app.post("/push")
def push():
    data = request.get_json(force=True)
    if "key" not in data or data["key"] != current_app.config["PUSH_API_KEY"]:  # expect: FL206
        return jsonify(error="Invalid key")
    return jsonify(status="ok")


@app.post("/sync")
def sync():
    if request.headers.get("X-Sync-Key") != os.environ.get("SYNC_API_KEY"):  # expect: FL206
        abort(401)
    return jsonify(status="ok")


@app.get("/agent/work")
def agent_work():
    token = request.headers.get("X-Agent-Token")
    agent = Agent.query.filter(Agent.token == token).first()  # expect: FL206
    if agent is None:
        abort(401)
    return jsonify(agent=agent.id)


# Traps: each check below refuses a request that sends no credential.


@app.put("/push/datapackage")
def push_datapackage():
    # The presence test comes first.
    key = request.headers.get("key")
    if not key or key != current_app.config["PUSH_API_KEY"]:
        return jsonify(error="Invalid key"), 403
    return jsonify(status="ok")


@app.post("/admin/reindex")
def reindex():
    # ADMIN_API_KEY is required at start-up: never None.
    if request.headers.get("X-Admin-Key") != current_app.config["ADMIN_API_KEY"]:
        abort(401)
    return jsonify(status="ok")


@app.get("/export")
def export():
    # A default: never None.
    if request.args.get("key") != current_app.config["EXPORT_API_KEY"]:
        abort(401)
    return jsonify([])


@app.post("/sync/v2")
def sync_v2():
    # compare_digest raises TypeError on None: the request fails instead of passing.
    given = request.headers.get("X-Sync-Key")
    if not hmac.compare_digest(given, os.environ.get("SYNC_API_KEY")):
        abort(401)
    return jsonify(status="ok")


@app.post("/sync/v3")
def sync_v3():
    # A default of "" on the request side: "" never equals None.
    if request.headers.get("X-Sync-Key", "") != os.environ.get("SYNC_API_KEY"):
        abort(401)
    return jsonify(status="ok")


@app.get("/device/state")
def device_state():
    # `secret` is NOT NULL: no row matches a missing header.
    device = Device.query.filter_by(secret=request.headers.get("X-Device-Secret")).first()
    if not device:
        abort(401)
    return jsonify(device=device.id)


@app.get("/service/state")
def service_state():
    # `Mapped[str]` is NOT NULL too.
    service = Service.query.filter_by(service_key=request.headers.get("X-Service-Key")).first()
    if not service:
        abort(401)
    return jsonify(service=service.id)


def agent_for(token):
    return Agent.query.filter_by(token=token).first()


@app.get("/agent/status")
def agent_status():
    # The caller refuses a missing token before handing it on.
    token = request.headers.get("X-Agent-Token")
    if token is None:
        abort(401)
    if not agent_for(token):
        abort(401)
    return jsonify(status="ok")


@app.get("/users/by-name")
def users_by_name():
    # Not a credential column: a search, whatever it finds.
    user = User.query.filter_by(name=request.args.get("name")).first()
    if user:
        return jsonify(id=user.id)
    return jsonify(error="not found"), 404


@app.post("/me/settings")
@login_required
def save_setting():
    # Trap: a key/value table's `key` is a setting's name, no credential.
    data = request.get_json()
    setting = UserSetting.query.filter(UserSetting.key == data["key"]).first()
    if setting is None:
        return jsonify(error="unknown setting"), 404
    setting.value = data["value"]
    return jsonify(status="ok")


@app.get("/agent/by-device")
def agent_by_device():
    # members' `elif invitekey:`: the token is tested before the lookup, in the second branch.
    device_id = request.args.get("device_id")
    token = request.args.get("token")
    if device_id:
        agent = Device.query.filter_by(id=device_id).first()
    elif token:
        agent = Agent.query.filter_by(token=token).first()
    else:
        abort(400)
    if not agent:
        abort(404)
    return jsonify(status="ok")
