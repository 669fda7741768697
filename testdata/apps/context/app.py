"""The application: its tokens are judged at the rule's severity."""
import unittest

import jwt
from flask import Flask, jsonify

from pkg.examples import loader as example_data

EXPIRY = 1_900_000_000

app = Flask(__name__)


def preview_token():
    return jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none")  # expect: FL103(critical)


@app.route("/test_token")
def test_token():
    # Named like a test, but a route serves it: application code.
    return jsonify(token=jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none"))  # expect: FL103(critical)


def create_test_app():
    # A development factory: reported, at low severity.
    test_app = Flask(__name__)
    test_app.config["PREVIEW"] = jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none")  # expect: FL103(low)
    return test_app


if app.debug:
    DEBUG_TOKEN = jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none")  # expect: FL103(low)

if not app.debug and not app.testing:
    # Production: neither debugging nor testing.
    AUDIT_TOKEN = jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none")  # expect: FL103(critical)
else:
    LOCAL_TOKEN = jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none")  # expect: FL103(low)


def test_none_tokens_are_refused():
    # A test pytest would collect, in an application module: minting a bad token is its job.
    token = jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none")
    assert token


class TokenTests(unittest.TestCase):
    def test_refused(self):
        self.assertTrue(jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none"))


class TestTokens:
    def test_refused(self):
        assert jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none")


class TestingHelpers:
    # Named `Test*` but holding no test: not collected, so application code.
    def mint(self):
        return jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none")  # expect: FL103(critical)


@app.route("/preview")
def preview():
    return jsonify(token=preview_token(), helper=TestingHelpers().mint(), example=example_data.EXAMPLE_TOKEN)


if __name__ == "__main__":
    print(jwt.encode({"sub": "1", "exp": EXPIRY}, None, algorithm="none"))  # expect: FL103(low), FL403(low)
    app.run()
