"""An OAuth 2 login (no verifier, no token secret): its `oauth_token` is a bearer token that
works alone."""
import logging

from flask import Blueprint
from flask_dance.contrib.github import github

log = logging.getLogger(__name__)
bp = Blueprint("github", __name__)


@bp.route("/github/linked")
def linked():
    oauth_token = github.token["access_token"]
    log.info("GitHub token %s", oauth_token)  # expect: FL403(medium)
    return "linked"
