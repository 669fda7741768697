import jwt
from flask import Flask

app = Flask(__name__)
PUBLIC_KEY = open("keys/public.pem").read()


def claims(token):
    return jwt.decode(token, PUBLIC_KEY, audience="api", issuer="https://auth.example.com")  # expect: FL101


def peek(token):
    return jwt.decode(token, PUBLIC_KEY, verify=False)  # expect: FL102


def report_claims(token):
    # `algorithm=` (singular) is ignored by PyJWT's decode, so every algorithm is allowed; but it
    # says the key is an HMAC secret, which neither `none` nor key confusion gets past (low).
    return jwt.decode(token, app.config["REPORT_KEY"], algorithm="HS256")  # expect: FL101(low), FL105(low)


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = ["claims", "peek", "report_claims"]
