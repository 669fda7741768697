"""A start-up check that calls the project's own fatal-error helper (which exits) refuses the
placeholder as surely as a `raise`: not reported."""
import sys

from flask import Flask


def fatal_error(message):
    print(f"Error: {message}", file=sys.stderr)
    sys.exit(1)


def warn(message):
    # Says something and lets the app start: no guard.
    print(f"Warning: {message}", file=sys.stderr)


app = Flask(__name__)
app.config.update(SECRET_KEY="CHANGE ME")
app.config["JWT_SECRET_KEY"] = "jwt-dev"  # expect: FL302

if len(app.config["SECRET_KEY"]) < 16 or app.config["SECRET_KEY"] == "CHANGE ME":
    fatal_error("Please configure a random SECRET_KEY of at least 16 characters.")

if app.config["JWT_SECRET_KEY"] == "jwt-dev":
    warn("JWT_SECRET_KEY is the development value")
