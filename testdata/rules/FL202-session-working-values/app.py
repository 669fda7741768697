"""A procurement app (Sphere's shape) whose approval link is served to anyone: the route keeps a
working value in the session under a key built from the order number, logs every header of the
request, and rewrites the orders spreadsheet. None of that identifies or authenticates the
caller. Traps: a handler reading the login's own session entry, one handing the headers to a
signature check, and a spreadsheet rendered as text rather than saved."""
from functools import wraps

import pandas as pd
from flask import Flask, jsonify, redirect, request, session

app = Flask(__name__)
app.config.from_prefixed_env()
ORDERS_FILE = "orders.xlsx"


def require_auth(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if "user_id" not in session:
            return redirect("/login")
        return view(*args, **kwargs)

    return wrapper


@app.get("/orders")
@require_auth
def orders():
    return jsonify(pd.read_excel(ORDERS_FILE).to_dict("records"))


@app.route("/approve_po", methods=["GET", "POST"])
def approve_po():  # expect: FL202
    po = request.args.get("po")
    action = request.args.get("action")
    app.logger.info(f"approval for {po}: headers {dict(request.headers)}")  # expect: FL403(low)
    app.logger.info(f"user agent {request.headers.get('User-Agent')}")
    chain_key = f"po_chain_{po}"
    if chain_key not in session:
        session[chain_key] = ["buyer", "finance"]
    orders = pd.read_excel(ORDERS_FILE, dtype=str)
    orders.loc[orders["PO Number"] == po, "Status"] = action
    orders.to_excel(ORDERS_FILE, index=False)
    session.pop(chain_key, None)
    return "done"


@app.post("/orders/<po>/comment")
def comment(po):
    if session.get("user_id") is None:
        return redirect("/login")
    orders = pd.read_excel(ORDERS_FILE, dtype=str)
    orders.loc[orders["PO Number"] == po, "Comment"] = request.form["comment"]
    orders.to_excel(ORDERS_FILE, index=False)
    return "ok"


def verify_signature(headers, payload):
    return headers.get("X-Signature") == payload


@app.post("/hooks/erp")
def erp_hook():
    if not verify_signature(request.headers, request.data):
        return "no", 400
    orders = pd.read_excel(ORDERS_FILE, dtype=str)
    orders.to_excel(ORDERS_FILE, index=False)
    return "ok"


@app.post("/orders/preview")
def preview():
    orders = pd.DataFrame(request.get_json())
    return orders.to_csv()
