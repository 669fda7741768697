"""App-wide error pages handed the exception: the 500 page's layout shows it only under
`{% if config.DEBUG %}` (low, debug mode only); the 502 page shows it whatever the mode (medium);
the 503 page's layout names `error` only in its page text and a CSS class (silent)."""
from flask import Flask, render_template
from flask_login import LoginManager, login_required

app = Flask(__name__)
LoginManager(app)


@app.errorhandler(Exception)
def handle_exception(error):
    return render_template("errors/500.html", error=error), 500  # expect: FL402(low)


@app.errorhandler(ConnectionError)
def handle_upstream(error):
    return render_template("errors/502.html", error=error), 502  # expect: FL402(medium)


@app.errorhandler(TimeoutError)
def handle_timeout(error):
    return render_template("errors/503.html", error=error), 503


@app.get("/dashboard")
@login_required
def dashboard():
    return render_template("errors/base_error.html")


@app.get("/")
def index():
    return "welcome"
