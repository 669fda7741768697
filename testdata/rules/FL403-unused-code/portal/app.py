import importlib

from flask import Flask

from portal import views

app = Flask(__name__)
app.register_blueprint(views.bp)
# Loaded by its name, not imported: still code the app runs.
importlib.import_module("portal.plugins")
