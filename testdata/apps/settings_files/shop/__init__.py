"""A shop whose settings live outside Python: dotenv files, compose, loaded settings files."""
import os
import tomllib

from flask import Flask

app = Flask(__name__, instance_relative_config=True)
# Executed as Python by Flask, whatever the extension.
app.config.from_pyfile("settings.cfg", silent=True)
app.config.from_file(os.path.join(os.path.dirname(__file__), "../config/production.toml"), load=tomllib.load)
# The path comes from APP_SETTINGS, which `.env` sets.
app.config.from_envvar("APP_SETTINGS")
