from flask import Flask, request

from aliases import logs_the_visit, supplier_login_required, user_is_logged_in

from guards import (
    account_manager_only,
    active_only,
    administrator_only,
    assert_signature,
    authenticated,
    login_required,
    remembers_visitor,
)

app = Flask(__name__)
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
# nothing more (low); an id route whose collection is not listed publicly stays high.
@app.route("/users/")
def list_users():
    return {"users": sorted(LABELS)}


@app.route("/users/<int:user_id>/")
def get_user(user_id):  # expect: FL202(low)
    return {"user": user_id, "labels": LABELS.get(user_id)}


@app.route("/accounts/<int:user_id>/")
def get_account(user_id):  # expect: FL202(high)
    return {"account": user_id, "labels": LABELS.get(user_id)}


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
