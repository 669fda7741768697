"""danforth-east's shape: a members app whose only credential is Flask-Login's cookie logs the
headers of every request to its public join form. No header carries a token; the session
cookie of a manager who happens to be logged in is what leaks: low, with the reason. An
`Authorization` header the app sends to another service (Mailchimp) is not one it takes."""
import base64
import logging

import requests
from flask import Flask, request
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.config.from_prefixed_env()
login_manager = LoginManager(app)


@app.get("/join")
def join():
    logging.info("headers: %s", list(request.headers.items()))  # expect: FL403(low)
    return "join form"


@app.get("/members")
@login_required
def members():
    key = base64.b64encode(b"anystring:key").decode()
    requests.get("https://mailchimp.example/lists", headers={"Authorization": "Basic %s" % key})
    return "members"
