"""Logging a token that is a segment of the route's own URL adds nothing the access log does
not hold already (reported low); a token sent in the query string or the body is in no
access log until the app writes it down."""
import logging

from flask import Flask, redirect, request

from invites import accept

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/invite/<token>")
def accept_invite(token):
    log.info("Accepting invitation %s", token)  # expect: FL403(low)
    accept(token)
    return redirect("/")


@app.route("/shipments/<int:shipment_id>/<string:share_token>")
def shared_shipment(shipment_id, share_token):
    log.info("Shipment %s opened with %s", shipment_id, share_token)  # expect: FL403(low)
    return redirect(f"/shipments/{shipment_id}")


@app.post("/invite")
def accept_posted_invite():
    token = request.form["token"]
    log.info("Accepting invitation %s", token)  # expect: FL403(medium)
    accept(token)
    return redirect("/")
