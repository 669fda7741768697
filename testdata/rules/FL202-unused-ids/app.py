"""Routes an app leaves open that change or select nothing: copr's pagination redirect takes
`<username>/<coprname>` into `**_kwargs` and only redirects; faf's `PUT|POST /items/` looks
reports up and answers 405 to PUT. Neither is a missing authentication. A route that does use
its id on a record, or clears the store, is. The login check reads `flask.g.user` (copr's
`login_required`, used bare and with parentheses)."""
import functools

import flask
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
REPORTS = {}
PROJECTS = {}


def login_required(role="user"):
    def view_wrapper(f):
        @functools.wraps(f)
        def decorated_function(*args, **kwargs):
            if flask.g.user is None:
                return flask.redirect(flask.url_for("login", next=flask.request.url))
            return f(*args, **kwargs)

        return decorated_function

    if callable(role):
        return view_wrapper(role)
    return view_wrapper


@app.route("/<username>/<coprname>/edit", methods=["POST"])
@login_required
def edit_project(username, coprname):  # expect: FL201
    PROJECTS[(username, coprname)] = request.form.to_dict()
    return jsonify(ok=True)


@app.route("/<username>/<coprname>/settings", methods=["POST"])
@login_required()
def project_settings(username, coprname):  # expect: FL201
    PROJECTS[(username, coprname)]["settings"] = request.form.to_dict()
    return jsonify(ok=True)


@app.route("/<username>/<coprname>/builds/", methods=["POST"])
def pagination_redirect(**_kwargs):
    to_page = request.form.get("go_to_page", 1)
    return flask.redirect(f"?page={to_page}")


@app.route("/reports/items/", methods=["PUT", "POST"])
def items():
    if request.method != "POST":
        return abort(405)
    return jsonify({h: REPORTS.get(h) for h in request.get_json()})


@app.route("/reports/<int:report_id>/archive", methods=["POST"])
def archive_report(report_id):  # expect: FL202
    REPORTS.pop(report_id, None)
    return jsonify(ok=True)
