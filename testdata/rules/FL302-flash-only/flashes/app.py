"""A console whose Flask session carries only flash messages: its login is HTTP Basic, checked on
every request, so a forged cookie gains nothing. The weak key is reported low, not silenced."""
from flask import Flask, flash, redirect, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev"  # expect: FL302(low)


@app.post("/jobs")
def start_job():
    flash("Job started")
    # Popping and clearing write the session; nothing here trusts what it holds.
    session.pop("last_job", None)
    # session["user"] would be a read, but this is a comment.
    return redirect("/")
