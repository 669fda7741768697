"""A scheduler named outside ASCII: the setting is still found, and read without splitting a
character."""
from flask import Flask
from flask_apscheduler import APScheduler

app = Flask(__name__)
planificateur_é = APScheduler()
planificateur_é.api_enabled = True  # expect: FL202(critical)
planificateur_é.init_app(app)
