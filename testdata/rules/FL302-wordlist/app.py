"""Word-list keys written in the setting's own words are keys, not the names of settings."""
from flask import Flask, session

app = Flask(__name__)
app.secret_key = "super-secret-key"  # expect: FL302

admin = Flask("admin")
admin.secret_key = "super secret key"  # expect: FL302

# Trap: the name of the environment variable that holds the key.
reports = Flask("reports")
reports.config["SECRET_KEY_VARIABLE"] = "REPORTS_SECRET_KEY"


def signed_in_user():
    return session.get("user_id")
