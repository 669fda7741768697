import logging
import traceback

import jwt
from flask import Blueprint, Flask, abort, jsonify, make_response
from flask_login import login_required
from email_validator import EmailNotValidError, validate_email
from marshmallow import ValidationError
from notifications_utils.recipient_validation.errors import InvalidRecipientError
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import BadRequest, HTTPException

app = Flask(__name__)
bp = Blueprint("notes", __name__)
log = logging.getLogger(__name__)


class NoteError(Exception):
    """The project's own error: its messages are written for clients."""


@bp.post("/notes")
def create_note():  # expect: FL202
    try:
        save()
    except Exception as e:
        return jsonify({"error": str(e)}), 500  # expect: FL402(low)
    return jsonify(ok=True)


@bp.put("/notes/<int:note_id>")
def update_note(note_id):  # expect: FL202
    try:
        save()
    except IntegrityError as err:
        return {"message": f"could not save: {err}"}, 409  # expect: FL402(low)
    except OSError as err:
        abort(500, description=repr(err))  # expect: FL402(low)
    return {"ok": True}


@bp.delete("/notes/<int:note_id>")
def delete_note(note_id):  # expect: FL202
    try:
        save()
    except:  # noqa: E722
        return make_response(traceback.format_exc(), 500)  # expect: FL402(low)
    return "", 204


def read_token():
    try:
        claims = jwt.decode("t", "k" * 40, algorithms=["HS256"], audience="a", issuer="i")
    except jwt.InvalidTokenError as e:
        return "invalid token: %s" % e, 401  # expect: FL401
    return claims


def helper():
    try:
        save()
    except RuntimeError as e:
        raise BadRequest(description="failed: {}".format(e))  # expect: FL402(low)


def reraising_helper():
    try:
        save()
    except RuntimeError as e:
        raise e
        # Trap: after the re-raise, nothing runs (LibreTranslate's translate handler).
        abort(500, description=str(e))


@app.errorhandler(Exception)
def handle_everything(error):
    return jsonify(error=str(error), args=error.args), 500  # expect: FL402(medium)


# Traps below: these must stay silent.


@bp.post("/logged")
def logged():  # expect: FL202
    try:
        save()
    except Exception as e:
        log.exception("saving failed: %s", e)
        log.error(str(e))
        print(traceback.format_exc())
        return jsonify(error="internal error"), 500
    return jsonify(ok=True)


@bp.post("/validated")
def validated():  # expect: FL202
    try:
        save()
    except ValidationError as e:
        return jsonify(errors=e.messages, message=str(e)), 400
    except ValueError as e:
        return jsonify(error=str(e)), 400
    except NoteError as e:
        return jsonify(error=str(e)), 409
    return jsonify(ok=True)


@bp.post("/contacts")
def add_contact():  # expect: FL202
    # A validator's text says what is wrong with the address the client sent.
    try:
        validate_email(save())
    except EmailNotValidError as e:
        return jsonify(error=str(e)), 400
    except InvalidRecipientError as e:
        return jsonify(error=str(e)), 400
    return jsonify(ok=True)


@app.errorhandler(404)
def not_found(error):
    return jsonify(error=str(error)), 404


@app.errorhandler(HTTPException)
def http_error(error):
    return jsonify(error=str(error), description=error.description), error.code


def internal_helper():
    # Returned to a caller, not to the client.
    try:
        save()
    except Exception as e:
        return str(e)


def save():
    return None


class ApiError(Exception):
    def __init__(self, message, code=500):
        super().__init__(message)
        self.code = code


def create_blackout():
    # Only werkzeug's HTTP errors answer a request when raised; the project's own `ApiError`
    # goes to whatever handles it (a Celery worker's result, an error handler checked where it
    # is).
    try:
        save()
    except Exception as e:
        raise ApiError(str(e), 500)


def request_id():
    return "r-1"


def import_notes():
    # Two leaks in one response: one finding, whose fix replaces both.
    try:
        save()
    except Exception as e:
        return jsonify(
            error=f"import {request_id()} failed: {e}",  # expect: FL402(low)
            detail=e.args[0],
        ), 500
    return jsonify(ok=True)


def export_notes():
    try:
        save()
    except Exception as exc:
        return {'error': str(exc).splitlines()[0]}, 500  # expect: FL402(low)
    return {"ok": True}


class Task:
    """A job runner with its own `abort` (FlexGet's `Task.abort`): not Flask's."""

    def abort(self, reason):
        self.aborted = reason

    def run_plugin(self):
        try:
            save()
        except Exception as e:
            self.abort(f"plugin failed: {e}")


# A dispatch table other code looks the helpers up in: they are used, by callers flasklint does
# not see, so their audience stays unknown (low) rather than unreachable.
NOTE_ACTIONS = {"helper": helper, "import": import_notes, "export": export_notes}


# The app authenticates this route: the routes above, which do not, are open to anyone; a route's
# own `except` shows only its own failures (low), an error handler every failure (medium).
@bp.get("/me")
@login_required
def me():
    return jsonify(ok=True)


# APIFlask's `HTTPError` carries what `abort(code, message)` was given; Cerberus's errors
# describe the client's own document.
from apiflask import HTTPError
from cerberus import DocumentError


@app.errorhandler(HTTPError)
def api_error(error):
    return {"msg": error.message}, error.status_code


@app.errorhandler(DocumentError)
def invalid_document(error):
    return jsonify(error=str(error)), 400


# A requests `HTTPError` names the upstream URL it failed on: internal.
import requests


@app.errorhandler(requests.HTTPError)
def upstream_error(error):
    return jsonify(error=str(error)), 502  # expect: FL402(medium)


# A handler written for one library exception and named for validation answers with what the
# client's input got wrong (lookyloo's capture-settings errors wrap pydantic's).
from capture_models import CaptureSettingsError


@app.errorhandler(CaptureSettingsError)
def handle_settings_validation_exception(error):
    return {"message": str(error)}, 400


@app.errorhandler(CaptureSettingsError)
def handle_settings(error):
    """Return the validation error message and 400 status code."""
    return {"message": str(error)}, 400


# Named for validation, but it answers every exception: its name says nothing of the text.
@app.errorhandler(Exception)
def validation_fallback(error):
    return jsonify(error=str(error)), 500  # expect: FL402(medium)
