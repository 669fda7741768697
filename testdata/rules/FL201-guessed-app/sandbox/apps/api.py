import hmac

from flask import Flask, abort, current_app, jsonify, request

app = Flask(__name__)
TASKS = {}


@app.before_request
def check_authentication():
    expected = "Bearer " + current_app.config["API_TOKEN"]
    if not hmac.compare_digest(request.headers.get("Authorization", ""), expected):
        abort(401)


@app.route("/tasks/<int:task_id>", methods=["DELETE"])
def delete_task(task_id):
    TASKS.pop(task_id, None)
    return jsonify(ok=True)
