"""cve-search: every account is an operator's, created from the command line; no route checks
a role and no route lets a visitor sign up. Admin routes behind login are low."""
import os

from flask import Flask, jsonify
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
login_manager = LoginManager(app)


@app.get("/search/<query>")
def search(query):
    return jsonify(results=[query])


@app.post("/admin/updatedb")
@login_required
def admin_update_db():  # expect: FL204(low)
    return jsonify(started=True)
