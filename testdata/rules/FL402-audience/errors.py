"""Error handlers registered with `register_error_handler` (alerta's ExceptionHandlers)."""
from flask import jsonify
from werkzeug.exceptions import HTTPException, default_exceptions


class ExceptionHandlers:
    def register(self, app):
        for code in default_exceptions:
            app.register_error_handler(code, handle_http_error)
        app.register_error_handler(Exception, handle_exception)


def handle_http_error(error: HTTPException):
    # Registered for each HTTP error code through a loop variable: werkzeug's own messages.
    return jsonify(message=str(error)), error.code


def handle_exception(error: Exception):
    # Every failing request of the app, signed in or not, reads it.
    return jsonify(message="An internal error has occurred!", errors=[str(error)]), 500  # expect: FL402(medium)
