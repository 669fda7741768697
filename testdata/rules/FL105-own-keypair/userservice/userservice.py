"""Microservices in one repository (bank-of-anthos): the user service signs logins with its
private key; the contacts service verifies them with the public half. The key's owner is a
service of this system, which mints tokens for it: a missing audience is low."""
import os

import jwt
from flask import Flask, request

app = Flask(__name__)
PRIVATE_KEY = open(os.environ["PRIV_KEY_PATH"]).read()


@app.post("/login")
def login():
    user = request.get_json()["username"]
    return {"token": jwt.encode({"user": user}, PRIVATE_KEY, algorithm="RS256")}  # expect: FL106
