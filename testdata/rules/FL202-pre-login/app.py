"""Routes for whoever has no account yet: a verification code sent to the address given
(OrangeJudge's `POST /accounts/get_code`) and a contact form that mails the author
(MindCanvas's `/contact`). A CRM's `/contacts/<id>` and a code route that sends nothing stay
findings."""
import hashlib
import hmac
import os
import random

from flask import Flask, redirect, render_template, request
from flask_login import LoginManager, login_required

app = Flask(__name__)
login_manager = LoginManager(app)
VERIFY_CODES = {}
CONTACTS = {}
SUBMISSIONS = {}


def send_code(email, code):
    print(email, code)


def send_mail(to, text):
    print(to, text)


@app.route("/dashboard")
@login_required
def dashboard():
    return "ok"


@app.post("/accounts/get_code")
def get_code():
    email = request.form["email"]
    code = "".join(str(random.randint(0, 9)) for _ in range(6))
    VERIFY_CODES[email] = code
    send_code(email, code)
    return "sent"


@app.route("/contact", methods=["GET", "POST"])
def contact():
    if request.method == "POST":
        send_mail("author@example.org", request.form["message"])
    return "thanks"


@app.put("/contact")
def update_contact():  # expect: FL202
    # PM-Backend's shape: a contact record, changed by whoever asks.
    CONTACTS[request.json["id"]] = request.json
    return "", 204


@app.delete("/contacts/<int:contact_id>")
def delete_contact(contact_id):  # expect: FL202
    CONTACTS.pop(contact_id, None)
    return "", 204


@app.post("/submissions/<int:submission_id>/get_code")
def get_submission_code(submission_id):  # expect: FL202
    SUBMISSIONS[submission_id]["code_requested"] = True
    return SUBMISSIONS[submission_id]["source"]


@app.route("/feedback", methods=["GET", "POST"])
def feedback():
    # Flask-Generate-Certificate's public form, answered with a page.
    if request.method == "POST":
        CONTACTS[len(CONTACTS)] = request.form["message"]
    return render_template("feedback.html")


@app.route("/razorpay-handler/", methods=["POST"])
def razorpay_handler():
    # The gateway's signature over the order is the caller's credential.
    expected = hmac.new(
        os.environ["RAZORPAY_KEY_SECRET"].encode(),
        (request.form["order_id"] + "|" + request.form["payment_id"]).encode(),
        hashlib.sha256,
    ).hexdigest()
    if expected == request.form["sign"]:
        SUBMISSIONS[request.form["order_id"]] = {"paid": True}
    return redirect("/")


@app.post("/orders/sign")
def sign_order():  # expect: FL202
    # Trap: an HMAC made and handed out, compared with nothing.
    signature = hmac.new(os.environ["ORDER_KEY"].encode(), request.form["order_id"].encode(), hashlib.sha256)
    SUBMISSIONS[request.form["order_id"]] = {"signature": signature.hexdigest()}
    return signature.hexdigest()


@app.patch("/workspaces/<int:workspace_id>")
def patch_workspace(workspace_id):
    """spotlight's stub: nothing is handled yet, so nothing is open."""
    return NotImplemented


@app.delete("/workspaces/<int:workspace_id>")
def delete_workspace(workspace_id):  # expect: FL202
    # Trap: a handler that does something after its first line.
    SUBMISSIONS.pop(workspace_id, None)
    return NotImplemented
