"""Trap: `iat` is read back only to be logged: nothing bounds the token's age."""
import logging
import time

import jwt

log = logging.getLogger(__name__)


def audit_token(secret, user):
    return jwt.encode({"sub": user, "iat": int(time.time())}, secret, algorithm="HS256")  # expect: FL106(medium)


def record(decoded):
    issued = decoded["iat"]
    log.info("token issued at %s", issued)
