"""The project's own token decorator: reads the Bearer token and verifies it."""
from functools import wraps

import jwt
from flask import abort, current_app, g, request

from .settings import AUDIENCE, ISSUER


def decode_bearer():
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        abort(401)
    return jwt.decode(
        header[7:],
        current_app.config["JWT_PUBLIC_KEY"],
        algorithms=["RS256"],
        audience=AUDIENCE,
        issuer=ISSUER,
    )


def token_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        claims = decode_bearer()
        g.user_id = claims["sub"]
        return view(*args, **kwargs)

    return wrapper


def passes_user(view):
    """The tutorial pattern: hand the decoded user to the view as its first argument."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        claims = decode_bearer()
        return view(claims["sub"], *args, **kwargs)

    return wrapper


def load_own_invoice(invoice_id):
    """Ownership is checked here, where flasklint can see it from the route."""
    invoice = Invoice.get(invoice_id)
    if invoice.owner_id != g.user_id:
        abort(404)
    return invoice


class Invoice:
    @staticmethod
    def get(invoice_id):
        return {"id": invoice_id}
