"""A clinic portal (HealthPlus's shape) that makes its staff accounts at start-up, passing each
password by position to the project's own `create`."""
import os

from flask import Flask

from clinic import staff_accounts

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]

staff_accounts.create("admin", "admin", "John", "Smith", "123")  # expect: FL305
staff_accounts.create("doctor", "doctor", "Jane", "Doe", "doctor-pass")  # expect: FL305

# Traps: the password from the environment, and a call that passes no password by position.
staff_accounts.create("pharmacist", "pharmacist", "Ann", "Lee", os.environ["PHARMACIST_PASSWORD"])
staff_accounts.create("nurse", "nurse")
staff_accounts.describe("admin", "admin", "John", "Smith", "123")


@app.cli.command("init")
def initialize():
    # Wipes the database first: a reset of a development database.
    staff_accounts.drop_all()
    staff_accounts.create("admin", "bob", "Bob", "Lee", "bobpass")  # expect: FL305(low)
