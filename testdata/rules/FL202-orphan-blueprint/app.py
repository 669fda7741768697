from functools import wraps

from flask import Flask, redirect, session, url_for

from notes import notes

app = Flask(__name__)
app.register_blueprint(notes)


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if "user_id" not in session:
            return redirect(url_for("login"))
        return view(*args, **kwargs)

    return wrapped


@app.route("/login", methods=["GET", "POST"])
def login():
    return "login form"


@app.route("/pets", methods=["POST"])
@login_required
def add_pet():
    return "", 201
