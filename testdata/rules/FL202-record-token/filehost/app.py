"""An anonymous file host (0x0's shape): uploads are open by design; each file's management
token, handed to the uploader, is a capability for that file, not an account scheme the upload
route forgot."""
import secrets

from flask import Flask, abort, request, send_file

app = Flask(__name__)
FILES = {}


class StoredFile:
    def __init__(self, path):
        self.path = path
        self.mgmt_token = secrets.token_urlsafe()


def manage_file(f):
    if request.form.get("token") != f.mgmt_token:
        abort(401)
    FILES.pop(f.path, None)
    return ""


@app.route("/<name>", methods=["GET", "POST"])
def get(name):
    f = FILES.get(name) or abort(404)
    if request.method == "POST":
        return manage_file(f)
    return send_file(f.path)


@app.route("/", methods=["POST"])
def upload():
    f = StoredFile(request.files["file"].filename)
    FILES[f.path] = f
    return f.path, 201, {"X-Token": f.mgmt_token}
