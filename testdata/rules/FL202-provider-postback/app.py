"""PayPal's IPN (danforth-east's `paypal_ipn`): the handler posts the message back to PayPal and
refuses anything PayPal does not answer `VERIFIED`. The provider vouches for the request, as a
webhook's signature would, and no login can: silent.

Trap: a notification handler that posts somewhere but never tests the answer is still open."""
import requests
from flask import Flask, abort, request
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.config.from_prefixed_env()
login_manager = LoginManager(app)
VALIDATION_URL = "https://ipnpb.paypal.com/cgi-bin/webscr?cmd=_notify-validate&%s"


@app.post("/paypal/ipn")
def paypal_ipn():
    body = request.get_data(as_text=True)
    validation_response = requests.post(VALIDATION_URL % body)
    if validation_response.status_code != 200 or validation_response.text != "VERIFIED":
        abort(403)
    mark_paid(request.values.get("item_number"))
    return "", 200


@app.post("/payments/notify")
def payment_notify():  # expect: FL202
    requests.post("https://audit.example/notify", data=request.get_data())
    mark_paid(request.values.get("item_number"))
    return "", 200


@app.get("/members")
@login_required
def members():
    return "members"


def mark_paid(item):
    return item
