import logging

log = logging.getLogger(__name__)


def verify_share_token(token):
    return token


def activate(token):
    return token


def reset(token):
    return token


def resend_password_expired_token(token):
    log.info("Re-sending the password e-mail for %s", token)  # expect: FL403(low)
