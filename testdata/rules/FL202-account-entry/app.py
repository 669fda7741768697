"""zeeguu's shape: session-protected API routes beside the routes a visitor needs before having a
session. Creating an account (`create_basic_account`) is sign-up and mailing a password-reset
code is forgot-password, whatever the route is called: FL202 leaves them alone. A POST that
creates something else for an email stays reported."""
from functools import wraps

from flask import Flask, abort, request

app = Flask(__name__)
SESSIONS = {}
USERS = {}
CODES = {}
INVITES = {}


def requires_session(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if request.args.get("session") not in SESSIONS:
            abort(401)
        return view(*args, **kwargs)

    return wrapper


def create_basic_account(username, password, email):
    USERS[email] = {"username": username, "password": password}
    return USERS[email]


def send_password_reset_email(email, code):
    CODES[email] = code


@app.post("/bookmarks/<int:bookmark_id>/delete")
@requires_session
def delete_bookmark(bookmark_id):
    return "OK"


@app.post("/add_basic_user/<email>")
def add_basic_user(email):
    create_basic_account(request.form["username"], request.form["password"], email)
    return "OK"


@app.post("/send_code/<email>")
def send_code(email):
    send_password_reset_email(email, "123456")
    return "OK"


@app.post("/transfer_points/<email>")
def transfer_points(email):  # expect: FL202
    # Trap: moving points to an account needs the sender's session.
    INVITES[email] = request.form["points"]
    return "OK"


# hrms-flask's forgot-password step and SwarmSense's resend of the verification mail: asked
# for by whoever cannot log in yet.
@app.post("/send-otp")
def send_otp():
    CODES[request.form["username"]] = "654321"
    return "OK"


@app.post("/accounts/resend-verification-mail")
def resend_verification_mail():
    CODES[request.form["email"]] = "verify"
    return "OK"


@app.post("/account/otp/disable")
def disable_otp():  # expect: FL202
    # Trap: turning off a second factor acts on an account.
    CODES.pop(request.form["email"], None)
    return "OK"
