"""A tutorial's whole app in a file named test.py: routes on an app and no tests, so app code."""
import jwt
from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/token")
def token():
    return jsonify(token=jwt.encode({"sub": "1", "exp": 1_900_000_000}, None, algorithm="none"))  # expect: FL103(critical)
