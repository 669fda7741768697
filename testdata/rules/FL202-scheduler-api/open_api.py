"""volunteer-coordination's and hrms-flask's shape: Flask-APScheduler's REST API on, and nothing
authenticates it. `POST /scheduler/jobs` runs any importable function for anyone."""
from flask import Flask
from flask_apscheduler import APScheduler


class Config:
    SCHEDULER_API_ENABLED = True  # expect: FL202(critical)
    SCHEDULER_TIMEZONE = "UTC"


app = Flask(__name__)
app.config.from_object(Config)
scheduler = APScheduler()
scheduler.init_app(app)
scheduler.start()
