"""Error pages that show a traceback, registered through the project's own `errorhandler`
(limbus): for a client error (an `abort(404)`, a URL that matches no route) the traceback is the
framework's code path (low); for a server error it is what failed (medium)."""
import traceback
from functools import wraps

from flask import render_template
# A star import, as limbus writes it: flasklint does not resolve the classes through it.
from werkzeug.exceptions import *

error_handlers = []


def errorhandler(code_or_exception):
    def decorator(func):
        error_handlers.append({"func": func, "code_or_exception": code_or_exception})

        @wraps(func)
        def wrapped(*args, **kwargs):
            return func(*args, **kwargs)

        return wrapped

    return decorator


def handle_error(code, description, trace, json=False):
    if json:
        return {"message": description, "traceback": trace}, code
    return render_template("error.html", code=code, text=description, traceback=trace), code


@errorhandler(NotFound.code)
def not_found(e="404: Page Not Found", json=False):
    return handle_error(NotFound.code, NotFound.description, traceback.format_exc(), json)  # expect: FL402(low)


@errorhandler(InternalServerError.code)
def server_error(e="500: Internal Server Error", json=False):
    return handle_error(500, "Internal error", traceback.format_exc(), json)  # expect: FL402(medium)
