"""Page objects that check the caller's permission themselves (otterwiki): `has_permission`
asks about the logged-in user through its default argument, so the views that call them are
guarded; the view that writes without asking is the finding."""
from flask import Flask, redirect
from flask_login import LoginManager, login_required

from wiki import PAGES, Page

app = Flask(__name__)
login_manager = LoginManager(app)


@app.route("/login", methods=["GET", "POST"])
def login():
    return "login form"


@app.route("/settings", methods=["POST"])
@login_required
def settings():
    return "saved"


@app.route("/<path:path>")
def view(path):
    return Page(path).view()


@app.route("/<path:path>/delete", methods=["POST"])
def delete(path):
    page = Page(path)
    return page.delete()


@app.route("/<path:path>/touch", methods=["POST"])
def touch(path):  # expect: FL202
    PAGES[path] = PAGES.get(path, "") + " "
    return redirect("/")
