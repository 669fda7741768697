"""A course's lesson folder: the same literal in every lesson is one lesson's key, low."""
from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = "jose"  # expect: FL302(low)
