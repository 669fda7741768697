"""Application factory for the shop.

Example usage: `flask --app shop run`. The opening sentence decides: this is production code.
"""

from flask import Flask, session

app = Flask(__name__)
app.secret_key = "very secret"  # expect: FL302


def cart():
    return session.get("cart", [])
