import logging

from flask import redirect, render_template

from portal import app
from portal.controllers import party
from portal.controllers.errors import ApiError

log = logging.getLogger(__name__)


@app.route("/share/<token>")
def accept_share(token):
    log.info("Accepting share %s", token)  # expect: FL403(medium)
    try:
        party.verify_share_token(token)
    except ApiError as exc:
        if exc.status_code == 409:
            log.info("Expired share token %s", token)
            return render_template("expired.html")
        elif exc.status_code == 404:
            log.warning("Unrecognised share token %s", token)
            return render_template("not-valid.html")
        else:
            log.error("Failed to verify share token %s", token)  # expect: FL403(medium)
            raise
    return redirect("/surveys")


@app.route("/activate/<token>")
def activate_account(token):
    log.info("Activating account with %s", token)  # expect: FL403(low)
    party.activate(token)
    return redirect("/sign-in")


@app.route("/reset-password/<token>")
def reset_password(token):
    log.info("Resetting password with %s", token)  # expect: FL403(medium)
    party.reset(token)
    return redirect("/sign-in")


@app.route("/resend-password-expired-token/<token>")
def resend_password_expired_token(token):
    # Shares its name with the controller function below, which it never calls.
    return redirect("/passwords/forgot")
