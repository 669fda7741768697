"""A Django-style tests.py that holds tests: test code."""
import jwt
from flask import Flask

app = Flask(__name__)


def test_refuses_none():
    assert jwt.encode({"sub": "1", "exp": 1_900_000_000}, None, algorithm="none")
