import jwt
from flask import Flask

app = Flask(__name__)
PUBLIC_KEY = open("keys/public.pem").read()


def claims(token):
    return jwt.decode(token, PUBLIC_KEY, audience="api", issuer="https://auth.example.com")  # expect: FL101


def claims_by_header(token):
    # PyJWT 2.4 and later refuse a public key as an HMAC secret and `none` with a key: the
    # header has no weaker check to pick (spiff-arena), so this is hygiene.
    algorithm = jwt.get_unverified_header(token)["alg"]
    return jwt.decode(token, PUBLIC_KEY, algorithms=[algorithm], audience="api", issuer="https://auth.example.com")  # expect: FL101(low)


def peek(token):
    return jwt.decode(token, PUBLIC_KEY, verify=False)  # expect: FL102


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = ["claims", "claims_by_header", "peek"]
