import logging

import flask

log = logging.getLogger(__name__)


# The later star import wins: this `audited_check` replaces the one in checks.py, and it
# only logs.
def audited_check(call):
    def _wrapped(*args, **kwargs):
        log.info("call from %s", flask.request.remote_addr)
        return call(*args, **kwargs)

    return _wrapped
