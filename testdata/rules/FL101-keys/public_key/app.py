"""FL101 severity by key: a public key (or a key that cannot be followed) keeps the rule's
severity, since algorithm confusion turns the public key into an HMAC secret."""
import jwt
from flask import Flask

app = Flask(__name__)
PUBLIC_KEY = open("keys/rsa-public.pem").read()


def claims(token):
    return jwt.decode(token, PUBLIC_KEY, audience="api", issuer="https://auth.example.com")  # expect: FL101(high)


def claims_with(token, key):
    return jwt.decode(token, key, audience="api", issuer="https://auth.example.com")  # expect: FL101(high)


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = ["claims", "claims_with"]
