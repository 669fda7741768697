"""An authentication middleware class (after it-s_dec's TenantMiddleware): its constructor
calls `init_app`, which registers a method as the before_request hook; the hook lets through
the paths its `is_exempt` predicate names (a class list of paths and one of prefixes) and
refuses every other request without a valid token."""
from typing import List

import jwt
from flask import Flask, abort, g, request

from models import Item, Probe

app = Flask(__name__)


class TenantMiddleware:
    EXEMPT_PATHS: List[str] = ["/login"]
    EXEMPT_PREFIXES = ["/health"]

    def __init__(self, app=None):
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        app.before_request(self.before_request)

    def is_exempt(self, path: str) -> bool:
        """Whether a path needs no token."""
        if path in self.EXEMPT_PATHS:
            return True
        for prefix in self.EXEMPT_PREFIXES:
            if path.startswith(prefix):
                return True
        return False

    def before_request(self):
        g.user = None
        if self.is_exempt(request.path):
            return None
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if not token:
            abort(401)
        claims = jwt.decode(token, app.config["JWT_KEY"], algorithms=["HS256"])  # expect: FL105(low)
        g.user = claims["sub"]


def init_middleware(app):
    TenantMiddleware(app)


init_middleware(app)


# Trap: a login is public by design.
@app.route("/login", methods=["POST"])
def login():
    return {"token": "..."}


# Trap: read-only health probe.
@app.route("/health/db")
def health():
    return {"ok": True}


# Trap: the exempt prefix lets this one through on purpose: the hook names it public.
@app.route("/health/reset", methods=["POST"])
def reset_probes():
    Probe.query.delete()
    return {"ok": True}


# Trap: the hook refuses a request without a token here.
@app.route("/items/<int:item_id>", methods=["DELETE"])
def delete_item(item_id):
    Item.query.filter_by(id=item_id, owner=g.user).delete()
    return "", 204
