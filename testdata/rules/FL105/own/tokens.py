"""A project's token module (arXiv's `arxiv_auth.auth.tokens`): `encode` and `decode` take the
secret from their caller, and mint and verify with the key written the same way."""
import hashlib

import jwt


def encode(session: dict, secret: str) -> str:
    return jwt.encode(session, secret)


def decode(token: str, secret: str) -> dict:
    return jwt.decode(token, secret, algorithms=["HS256"])  # expect: FL105(low)


def _keyed(secret: str, address: str) -> str:
    return hashlib.sha256(f"{secret}{address}".encode()).hexdigest()


def new_captcha(secret: str, address: str) -> str:
    return jwt.encode({"value": "x7k2"}, _keyed(secret, address))  # expect: FL106


def unpack_captcha(token: str, secret: str, address: str) -> dict:
    return jwt.decode(token, _keyed(secret, address), algorithms=["HS256"])  # expect: FL105(low)


def partner_claims(token: str, partner_secret: str) -> dict:
    # Nothing here mints with `partner_secret`: the tokens are another service's.
    return jwt.decode(token, partner_secret, algorithms=["HS256"])  # expect: FL105(medium)
