"""Trap: a module that builds its app and also starts it at import is the app itself, not a
runner script: its setting keeps the rule's severity."""
from flask import Flask

service = Flask(__name__)
service.debug = True  # expect: FL304
service.run(host="0.0.0.0")
