import logging

from flask import Blueprint, request

from portal.tokens import TokenService, check_token

bp = Blueprint("views", __name__)
log = logging.getLogger(__name__)


@bp.route("/hook")
def hook():
    token = request.headers.get("X-Token")
    log.info("hook called with token %s", token)  # expect: FL403
    if not check_token(token):
        return "no", 401
    return TokenService.subject(token)


def dump_token_for_debugging():
    """Only used by hand, from a shell."""
    token = request.headers.get("X-Token")
    log.warning("token: %s", token)  # expect: FL403(low)
