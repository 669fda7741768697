"""A login decorator that refuses by raising a project exception named for the refusal
(ListenBrainz's `api_login_required` raising `APIUnauthorized`)."""
from functools import wraps

from flask import Flask
from flask_login import current_user

app = Flask(__name__)
LISTENS = {}
PINS = {}


class APIUnauthorized(Exception):
    status_code = 401


def api_login_required(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        if not current_user.is_authenticated:
            raise APIUnauthorized("You must be logged in to access this endpoint")
        return f(*args, **kwargs)

    return decorated


@app.delete("/1/listens/<listen_id>")
@api_login_required
def delete_listen(listen_id):
    LISTENS.pop(listen_id, None)
    return "", 204


@app.delete("/1/pins/<pin_id>")
def delete_pin(pin_id):  # expect: FL202
    PINS.pop(pin_id, None)
    return "", 204
