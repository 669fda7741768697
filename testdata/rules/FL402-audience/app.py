"""FL402 by audience: who can read the response decides the severity.

Every route here requires a login, so only the app-wide error handlers answer anyone.
"""
import os

import click
from celery import Celery, shared_task
from flask import Flask, jsonify, request
from flask_jwt_extended import jwt_required
from flask_login import LoginManager, login_required
from werkzeug.exceptions import InternalServerError

from ajax import bad_request, gone
from files import check_access, find_process
from store import load

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
login = LoginManager(app)
celery = Celery(__name__)


class ReportError(Exception):
    def __init__(self, message, code=400):
        super().__init__(message)
        self.message = message
        self.code = code


class NotificationError(Exception):
    """Raised by a worker; no error handler turns it into a response."""


def handle_report_error(error):
    return jsonify(message=error.message), error.code


app.register_error_handler(ReportError, handle_report_error)


def permissions_required(permission):
    def decorator(view):
        return view

    return decorator


@app.get("/reports")
@login_required
def reports():
    try:
        data = load()
    except Exception as e:
        # Behind authentication: the logged-in user reads it. Low.
        return jsonify(error=str(e)), 500  # expect: FL402(low)
    return jsonify(data)


@app.get("/tokens")
@jwt_required()
def tokens():
    try:
        data = load()
    except Exception as e:
        return jsonify(error=f"could not load: {e}"), 500  # expect: FL402(low)
    return jsonify(data)


@app.get("/files")
@login_required
def files():
    try:
        check_access(request.args.get("path", ""))
    except PermissionError as e:
        # The project raises PermissionError with its own (translated) message: not reported.
        return jsonify(error=str(e)), 403
    except OSError as e:
        return jsonify(error=str(e)), 500  # expect: FL402(low)
    return jsonify(ok=True)


@app.get("/processes")
@login_required
def processes():
    try:
        find_process(request.args.get("pid", ""))
    except LookupError as lerr:
        # A lookup's text is the project's constant (and a lookup's kind, like KeyError).
        return jsonify(error=str(lerr)), 404
    return jsonify(ok=True)


@app.post("/imports")
@login_required
def imports():
    try:
        load()
    except Exception as e:
        return bad_request(errormsg=str(e))
    return jsonify(ok=True)


@app.post("/exports")
@login_required
def exports():
    try:
        load()
    except Exception as e:
        return bad_request(errormsg=str(e))
    return jsonify(ok=True)


@app.delete("/archive")
@login_required
def archive():
    try:
        load()
    except Exception as e:
        # The only call that hands `gone` an exception: reported here, as before.
        return gone(str(e))  # expect: FL402(low)
    return jsonify(ok=True)


@app.get("/summary")
@login_required
def summary():
    try:
        load()
    except Exception as e:
        # Raising a class the app has an error handler for answers the request.
        raise ReportError(str(e), 500)  # expect: FL402(low)
    return jsonify(ok=True)


class ReportView:
    # Not a route flasklint knows, but a decorator says it guards access.
    @permissions_required("reports")
    def get(self):
        try:
            load()
        except Exception as e:
            return jsonify(error=str(e)), 500  # expect: FL402(low)
        return jsonify(ok=True)

    def post(self):
        try:
            load()
        except Exception as e:
            # Nothing says who calls it: low, with the reason in the message.
            return jsonify(error=str(e)), 500  # expect: FL402(low)
        return jsonify(ok=True)


def summarize():
    # A helper a worker may run as well as a view: no error handler runs in a Celery worker,
    # so raising the handled class here is not a response.
    try:
        load()
    except Exception as e:
        raise ReportError(str(e))


def notify():
    try:
        load()
    except Exception as e:
        # Not an HTTP error: nothing turns `NotificationError` into a response.
        raise NotificationError(str(e))


@app.errorhandler(Exception)
def unexpected(error):
    # App-wide: any request that fails, authenticated or not. Medium.
    return jsonify(error=str(error)), 500  # expect: FL402(medium)


@app.errorhandler(500)
def server_error(error):
    # Flask passes the generic InternalServerError; its text is Flask's own.
    detail = str(error)
    # The exception behind it is not.
    return jsonify(error=detail, cause=repr(error.original_exception)), 500  # expect: FL402(medium)


admin_app = Flask("admin")


@admin_app.errorhandler(InternalServerError)
def admin_server_error(error):
    # arlo's handler: the exception behind the 500, read with `getattr` into a local.
    original = getattr(error, "original_exception", None)
    if original is None:
        return error
    return jsonify(errors=[{"message": str(original)}]), 500  # expect: FL402(medium)


# Traps: no request to answer.


@shared_task
def export_all():
    try:
        load()
    except Exception as e:
        return {"error": str(e)}, 500
    return {"ok": True}


@celery.task(bind=True)
def rebuild(self):
    try:
        load()
    except Exception as e:
        return {"error": str(e)}, 500
    return {"ok": True}


@app.cli.command("seed")
def seed():
    try:
        load()
    except Exception as e:
        return {"error": str(e)}, 500
    return {"ok": True}


@click.command()
def reindex():
    try:
        load()
    except Exception as e:
        return {"error": f"reindex failed: {e}"}, 500
    return {"ok": True}
