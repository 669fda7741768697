"""Trap: a function that reads `aud` only to log it validates nothing."""
import logging

import jwt


def parse_partner_token(token, public_key):
    return jwt.decode(token, public_key, algorithms=["RS256"])  # expect: FL105


def describe(claims):
    logging.info("token for %s", claims.get("aud"))
