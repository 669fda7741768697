"""PowerDNS-Admin's shape: a `before_request` hook that only shows a maintenance page to
logged-in users runs before every route, and the anonymous login page renders the exception it
caught. The route is one flasklint sees, open to anyone in an app that authenticates its other
routes, with the hook named in the message: low, as one route's own `except` is."""
from flask import Flask, g, render_template, request
from flask_login import current_user, login_required

app = Flask(__name__)


def create_local_user(form):
    return form


@app.before_request
def before_request():
    g.maintenance = False
    if g.maintenance and current_user.is_authenticated:
        return render_template("maintenance.html")


@app.route("/register", methods=["GET", "POST"])
def register():
    try:
        create_local_user(request.form)
    except Exception as e:
        return render_template("register.html", error=e)  # expect: FL402(low)
    return render_template("login.html")


@app.get("/dashboard")
@login_required
def dashboard():
    return render_template("dashboard.html")


@app.get("/datasets/<kind>")
def read_dataset(kind):
    from jinja2.exceptions import TemplateNotFound

    try:
        return render_template(f"{kind}/read.html")
    except TemplateNotFound as e:
        # Trap: the text is the missing template's name.
        return render_template("error.html", message=str(e)), 404


@app.get("/events")
def events():
    from dateutil.parser import ParserError, parse

    try:
        start = parse(request.args["start"])
    except ParserError as e:
        # Trap: dateutil quotes the caller's own input.
        return {"error": str(e)}, 400
    return {"start": start.isoformat()}
