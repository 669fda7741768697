"""Flask-Principal's default keeps the identity in the session cookie: the rule's severity."""
from flask import Flask
from flask_cors import CORS
from flask_principal import Principal

app = Flask(__name__)
principal = Principal(app)
CORS(app, supports_credentials=True)  # expect: FL404(high)
