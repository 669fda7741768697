import jwt
from flask import Flask

app = Flask(__name__)
PUBLIC_KEY = open("keys/public.pem").read()


def claims(token):
    return jwt.decode(token, PUBLIC_KEY, audience="api", issuer="https://auth.example.com")  # expect: FL101


def peek(token):
    return jwt.decode(token, PUBLIC_KEY, verify=False)  # expect: FL102


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = ["claims", "peek"]
