"""Trap: Flask-Principal made with its default, which keeps the identity in Flask's session:
the key signs it."""
from flask import Flask
from flask_principal import Principal

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev"  # expect: FL302(high)
principal = Principal(app)
