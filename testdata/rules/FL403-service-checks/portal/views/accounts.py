import logging

from flask import redirect, render_template
from itsdangerous import URLSafeTimedSerializer

from portal import app
from portal.controllers import party
from portal.controllers.errors import ApiError

log = logging.getLogger(__name__)
SERIALIZER = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="password-reset")
RESET_TOKENS = {}


@app.route("/share/<token>")
def accept_share(token):
    log.info("Accepting share %s", token)  # expect: FL403(low)
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
            log.error("Failed to verify share token %s", token)  # expect: FL403(low)
            raise
    return redirect("/surveys")


@app.route("/activate/<token>")
def activate_account(token):
    log.info("Activating account with %s", token)  # expect: FL403(low)
    party.activate(token)
    return redirect("/sign-in")


@app.route("/reset-password/<token>")
def reset_password(token):
    log.info("Resetting password with %s", token)  # expect: FL403(low)
    party.reset(token)
    return redirect("/sign-in")


@app.route("/resend-password-expired-token/<token>")
def resend_password_expired_token(token):
    # Shares its name with the controller function below, which it never calls.
    return redirect("/passwords/forgot")


@app.route("/new-password/<token>")
def new_password(token):
    try:
        email = SERIALIZER.loads(token, max_age=86400)
        stored = RESET_TOKENS[email]["password_token"]
        if not token == stored:
            return render_template("not-valid.html")
    except KeyError:
        # No reset was asked for this address: the token is refused, now and on every retry.
        log.warning("No stored reset token for %s", token)
        return render_template("not-valid.html")
    return render_template("new-password.html", token=token)


@app.route("/claim/<token>")
def claim(token):
    try:
        email = SERIALIZER.loads(token, max_age=86400)
        RESET_TOKENS[email]["claimed"] = True
    except KeyError:
        # Trap: nothing compared this signed token with a stored one; it stays valid.
        log.warning("Unknown claimant for %s", token)  # expect: FL403(low)
        return render_template("not-valid.html")
    return redirect("/surveys")


@app.route("/confirm-reset/<token>")
def confirm_reset(token):
    email = SERIALIZER.loads(token, max_age=86400)
    stored = RESET_TOKENS[email]["password_token"]
    if not token == stored:
        # Refused: it is not the token stored for this address, so it opens nothing.
        log.warning("Token not found for %s", token)
        return render_template("not-valid.html")
    return render_template("new-password.html", token=token)


@app.route("/confirm-change/<token>")
def confirm_change(token):
    email = SERIALIZER.loads(token, max_age=86400)
    stored_token = RESET_TOKENS[email]["change_token"]
    if token != stored_token:
        # Trap: the stored token is the live one.
        log.warning("Expected %s", stored_token)  # expect: FL403(medium)
        return render_template("not-valid.html")
    log.info("Changing with %s", token)  # expect: FL403(low)
    return render_template("new-password.html", token=token)
