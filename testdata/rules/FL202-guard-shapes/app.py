from flask import Flask, request
import sqlite3

from aliases import logs_the_visit, supplier_login_required, user_is_logged_in

from guards import (
    account_manager_only,
    active_only,
    administrator_only,
    assert_signature,
    authenticated,
    login_required,
    remembers_visitor,
    session_required,
)

app = Flask(__name__)
DB = sqlite3.connect("labels.db")
LABEL_QUERIES = {}
LABELS = {}


@app.route("/labels/<int:task>", methods=["PUT"])
@authenticated
def label(task):
    LABELS[task] = request.json
    return {"ok": True}


@app.route("/companies/<name>", methods=["POST"])
@account_manager_only
def save_company(name):
    LABELS[name] = request.form["sections"]
    return {"ok": True}


@app.route("/companies/<name>", methods=["DELETE"])
@administrator_only
def delete_company(name):
    LABELS.pop(name, None)
    return {"ok": True}


@app.route("/run", methods=["POST"])
@active_only
def run():
    LABELS["last"] = request.form["task"]
    return {"ok": True}


@app.route("/captures/<int:capture>", methods=["DELETE"])
@login_required
def delete_capture(capture):
    LABELS.pop(capture, None)
    return {"ok": True}


@app.route("/labels", methods=["DELETE"])
@remembers_visitor
def clear_labels():  # expect: FL202
    LABELS.clear()
    return {"ok": True}


@app.route("/push", methods=["POST"])
def push():
    assert_signature(request)
    LABELS["pushed"] = request.get_json()
    return {"ok": True}


@app.route("/notify", methods=["POST"])
def notify():  # expect: FL202
    LABELS["notified"] = request.get_json()
    return {"ok": True}


# wikilabels: the users are listed publicly, so reading one of them without a login exposes
# nothing more (low); an id route that only reads is low as well, as often a public page by
# design (ListenBrainz's listens and stats) as a forgotten login; one that writes stays high.
@app.route("/users/")
def list_users():
    return {"users": sorted(LABELS)}


@app.route("/users/<int:user_id>/")
def get_user(user_id):  # expect: FL202(low)
    return {"user": user_id, "labels": LABELS.get(user_id)}


@app.route("/accounts/<int:user_id>/")
def get_account(user_id):  # expect: FL202(low)
    return {"account": user_id, "labels": LABELS.get(user_id)}


@app.route("/accounts/<int:user_id>/labels", methods=["DELETE"])
def clear_account_labels(user_id):  # expect: FL202(high)
    LABELS.pop(user_id, None)
    return {"ok": True}


@app.route("/services/<int:service_id>", methods=["DELETE"])
@user_is_logged_in
def delete_service(service_id):
    LABELS.pop(service_id, None)
    return {"ok": True}


@app.route("/slots/<int:slot>", methods=["DELETE"])
@supplier_login_required
def delete_slot(slot):
    LABELS.pop(slot, None)
    return {"ok": True}


@app.route("/visits", methods=["DELETE"])
@logs_the_visit
def clear_visits():  # expect: FL202
    LABELS.clear()
    return {"ok": True}


# A POST that only runs a read (ListenBrainz's page-props loaders): it changes nothing.
@app.route("/explore/similar", methods=["POST"])
def similar_labels():
    cursor = DB.cursor()
    cursor.execute("SELECT label FROM labels WHERE kind = %s", (request.json["kind"],))
    return {"labels": cursor.fetchall()}


@app.route("/explore/forget", methods=["POST"])
def forget_label():  # expect: FL202
    cursor = DB.cursor()
    cursor.execute("DELETE FROM labels WHERE kind = %s", (request.json["kind"],))
    return {"ok": True}


# A POST whose helper is named for reading is not followed for writes (its SQL is built at run
# time); one whose helper is named for writing is.
def get_labels_of_kind(kind):
    cursor = DB.cursor()
    cursor.execute(LABEL_QUERIES[kind])
    return cursor.fetchall()


def save_labels_of_kind(kind, labels):
    cursor = DB.cursor()
    cursor.execute(LABEL_QUERIES["save"], (kind, labels))


@app.route("/explore/kind", methods=["POST"])
def labels_of_kind():
    return {"labels": get_labels_of_kind(request.json["kind"])}


@app.route("/explore/kind/save", methods=["POST"])
def save_kind():  # expect: FL202
    save_labels_of_kind(request.json["kind"], request.json["labels"])
    return {"ok": True}


# An address allow-list (FreeTAKServer's CLI endpoints): the machines on the list, and nobody
# else, reach the handler's work; the refusal is in `else`, or under `not in`.
ALLOWED_CLI_IPS = ["127.0.0.1", "10.0.0.5"]


@app.route("/cli/users", methods=["POST", "DELETE"])
def cli_users():
    if request.remote_addr in ALLOWED_CLI_IPS:
        LABELS[request.json["name"]] = request.json.get("token")
        return {"message": "success"}, 200
    else:
        return {"message": "endpoint can only be accessed by approved IPs"}, 401


@app.route("/cli/labels", methods=["DELETE"])
def cli_labels():
    if request.remote_addr not in ALLOWED_CLI_IPS:
        return {"message": "forbidden"}, 403
    LABELS.clear()
    return {"ok": True}


@app.route("/cli/notes", methods=["DELETE"])
def cli_notes():  # expect: FL202
    # Trap: the address is only logged.
    print("cleared by", request.remote_addr in ALLOWED_CLI_IPS)
    LABELS.clear()
    return {"ok": True}


@app.route("/scans", methods=["DELETE"])
@session_required
def clear_scans():
    LABELS.clear()
    return {"ok": True}
