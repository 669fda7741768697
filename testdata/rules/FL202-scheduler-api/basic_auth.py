"""Trap: the API is on, behind the extension's HTTP Basic authentication."""
import hmac
import os

from flask import Flask
from flask_apscheduler import APScheduler
from flask_apscheduler.auth import HTTPBasicAuth

app = Flask(__name__)
app.config["SCHEDULER_API_ENABLED"] = True
app.config["SCHEDULER_AUTH"] = HTTPBasicAuth()
scheduler = APScheduler()
scheduler.init_app(app)


@scheduler.authenticate
def authenticate(auth):
    return hmac.compare_digest(auth["password"], os.environ["SCHEDULER_PASSWORD"])
