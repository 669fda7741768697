"""Lemur's shape: Flask-Principal with `use_sessions=False` loads the identity from the
request's token, never from the session cookie."""
from flask import Flask
from flask_cors import CORS
from flask_principal import Principal

app = Flask(__name__)
principal = Principal(app, use_sessions=False)
CORS(app, supports_credentials=True, resources=r"/api/*")  # expect: FL404(low)
