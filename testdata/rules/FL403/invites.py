"""Redash's invite links: an itsdangerous token checked by a project helper."""
import logging
import os

from flask import Blueprint
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

bp = Blueprint("invites", __name__)
logger = logging.getLogger(__name__)
serializer = URLSafeTimedSerializer(os.environ["SECRET_KEY"])


class NoResultFound(Exception):
    pass


def validate_token(token):
    return serializer.loads(token, max_age=3600)


def invite_link(user_id):
    token = serializer.dumps(user_id)
    logger.info("invite %s", token)  # expect: FL403
    logger.info("invite %s", serializer.dumps(user_id))  # expect: FL403
    return token


@bp.route("/invite/<token>")
def invite(token):
    try:
        user_id = validate_token(token)
        lookup(user_id)
    except NoResultFound:
        # The signature was fine: this token still works.
        logger.exception("Bad user id in token. Token=%s", token)  # expect: FL403
    except SignatureExpired:
        logger.exception("Token signature has expired. Token: %s", token)
    except BadSignature:
        logger.exception("Bad signature for the token: %s", token)
    except (BadSignature, NoResultFound):
        logger.exception("Failed to verify token: %s", token)  # expect: FL403
    return "ok"


def lookup(user_id):
    raise NoResultFound(user_id)


@bp.get("/reset/<token>")
def reset_password(token):
    # Trap (adsws): the `try` does nothing but the check, so even a bare `except` is the check
    # failing: the token logged there is one that will never be accepted.
    try:
        email = serializer.loads(token, max_age=86400, salt="reset")
    except:  # noqa: E722
        logger.warning("Invalid token %s in reset_password", token)
        return {"error": "unknown verification token"}, 404
    return {"email": email}


@bp.get("/confirm/<token>")
def confirm_email(token):
    try:
        email = serializer.loads(token, max_age=86400, salt="confirm")
        record_confirmation(email)
    except Exception:
        # The `try` does more than the check: a failure here may come after the token passed.
        logger.warning("Could not confirm with %s", token)  # expect: FL403
        return {"error": "could not confirm"}, 400
    return {"email": email}


def record_confirmation(email):
    return email
