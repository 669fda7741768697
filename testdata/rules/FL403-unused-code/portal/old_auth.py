"""The login this package had before `views.py`: nothing imports it any more."""
import logging

from flask import request

log = logging.getLogger(__name__)


def load_user_from_url():
    token = request.args.get("token")
    log.info("login with token %s", token)  # expect: FL403(low)
