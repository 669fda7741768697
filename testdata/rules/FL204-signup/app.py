"""The same admin route in an app where visitors can sign up: any of them reaches it (high)."""
import os

from flask import Flask, jsonify, request
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
login_manager = LoginManager(app)
USERS = {}


class Account(dict):
    pass


@app.post("/sign-up")
def sign_up():
    account = Account(password=request.form["password"])
    # The role the operator configured for new accounts is no grant of the visitor's choosing.
    account.role = app.config["DEFAULT_ROLE"]
    USERS[request.form["email"]] = account
    return jsonify(created=True), 201


@app.post("/admin/updatedb")
@login_required
def admin_update_db():  # expect: FL204(high)
    return jsonify(started=True)


class Sketch(dict):
    def grant_permission(self, permission, user):
        self.setdefault(permission, []).append(user)


# The creator's rights on the sketch this handler makes: no privilege over anyone else.
@app.post("/sketches")
@login_required
def create_sketch():
    sketch = Sketch(name=request.form["name"])
    sketch.grant_permission(permission="write", user=request.form["owner"])
    return jsonify(sketch)


LAYOUT_PAGES = {"home": ["news", "search"]}


# Reads by POST, as an editor's page loads its settings (WEKO's layout editor): shows, changes
# nothing.
@app.post("/admin/load_layout_pages")
@login_required
def load_layout_pages():  # expect: FL204(low)
    return jsonify(pages=sorted(LAYOUT_PAGES))


# A read about people: whoever signs up sees other users' e-mail addresses.
@app.post("/admin/search_email")
@login_required
def get_author_emails():  # expect: FL204(medium)
    wanted = request.form["q"]
    return jsonify(emails=[email for email in USERS if wanted in email])
