"""The API turned on through the object's attribute, with no authentication."""
from flask import Flask
from flask_apscheduler import APScheduler

app = Flask(__name__)
jobs = APScheduler()
jobs.api_enabled = True  # expect: FL202(critical)
jobs.init_app(app)
