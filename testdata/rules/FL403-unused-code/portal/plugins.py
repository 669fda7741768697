import logging

from flask import request

log = logging.getLogger(__name__)


def on_request():
    token = request.args.get("token")
    log.info("plugin sees token %s", token)  # expect: FL403
