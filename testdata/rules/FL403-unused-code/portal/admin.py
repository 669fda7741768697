"""Imported by nothing, but run as a script: its code runs."""
from flask_jwt_extended import create_access_token

from portal.app import app


def issue_admin_token():
    with app.app_context():
        token = create_access_token(identity="admin")
    print("admin token:", token)  # expect: FL403


if __name__ == "__main__":
    issue_admin_token()
