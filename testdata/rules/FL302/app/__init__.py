"""FL302 fixture: guessable secrets, and strong or unreachable ones that must not be FL302."""
import os

from flask import Flask, session


def create_app(test_config=None):
    # Flask tutorial (flaskr): 'dev' is what runs when instance/config.py is missing.
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(SECRET_KEY="dev", DATABASE=os.path.join(app.instance_path, "app.sqlite"))  # expect: FL302
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)
    return app


def create_quickstart_app():
    app = Flask(__name__)
    # Flask quickstart's example key: 16 random bytes, half of what HS256 needs.
    app.secret_key = b'_5#y2L"F4Q8z\n\xec]/'  # expect: FL302
    app.config["JWT_SECRET_KEY"] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"  # expect: FL302
    app.config["REMEMBER_SECRET_KEY"] = "Zq8vR2pLk9"  # expect: FL302
    # A course template's phrase: long, but the same in every copy of the code.
    app.config["SIGNUP_SECRET_KEY"] = "change-this-key-to-something-different-in-the-application-config"  # expect: FL302
    # Strong: FL301, not FL302.
    app.config["SESSION_SECRET_KEY"] = "N8kq2ZrV5wL0pXyT7bHc3MdJ9sGf1RaQ"  # expect: FL301
    return app


def create_complaints_app():
    app = Flask(__name__)
    # ReklaMap's template blank, spelled like the setting it fills: still the key it signs with.
    app.secret_key = "your_secret_key"  # expect: FL302
    return app


def create_records_app():
    app = Flask(__name__)
    # EHR's key: it spells the setting's name, and it is still the key.
    app.secret_key = "secretkey"  # expect: FL302
    return app


def create_testing_app():
    # A function that builds the test app: development/test only.
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "testing"
    return app


def signed_in_user():
    # The session carries the login: whoever guesses the key can sign in as anyone.
    return session["user_id"]
