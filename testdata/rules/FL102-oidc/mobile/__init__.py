"""A mobile app's backend: the app signs in on the device and posts its id_token. No code is
exchanged here, so the id_token parameter comes from the client: the rule's severity."""
import jwt
from flask import Flask, request

app = Flask(__name__)


@app.post("/session")
def session_from_device():
    return verify_device_token(request.json["id_token"])


def verify_device_token(id_token):
    return jwt.decode(id_token, options={"verify_signature": False})  # expect: FL102(critical)
