import logging

from flask import Flask

from wiki.helper import LookupFailed, SerializeError, deserialize, load_account

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/confirm/<token>")
def confirm(token):
    try:
        email = deserialize(token, salt="confirm-email")
    except SerializeError:
        # The serializer refused it: expired or forged, it will never be accepted.
        log.warning("invalid confirmation token: %s", token)
        return "invalid", 400
    return email


@app.route("/account/<token>")
def account(token):
    try:
        name = load_account(token)
    except LookupFailed:
        # LookupFailed is also raised for a good token with no account: it may still work.
        log.warning("no account for token %s", token)  # expect: FL403(low)
        return "unknown", 404
    return name
