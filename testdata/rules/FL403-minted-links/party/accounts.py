import logging

from flask import Flask, request

from .website import PublicWebsite

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.post("/respondents/change-password")
def request_password_change():
    email = request.json["email_address"]
    # The link carries a valid reset token: whoever reads the log can reset the password.
    verification_url = PublicWebsite().reset_password_url(email)
    logger.info("Reset password url %s", verification_url)  # expect: FL403
    # A link without a token is fine to log.
    help_link = PublicWebsite().help_url("passwords")
    logger.info("Help link %s", help_link)
    return {"response": "Ok"}


@app.post("/respondents/resend-verification-expired-token")
def resend_verification_expired_token():
    # The expired token it was handed is harmless; the new link it mints is not.
    verification_url = PublicWebsite().reset_password_url(request.json["email_address"])
    logger.info("New reset url %s", verification_url)  # expect: FL403(medium)
    return {"response": "Ok"}
