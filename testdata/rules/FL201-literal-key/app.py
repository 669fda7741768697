"""E-ticket's gate API: `requires_auth` admits whoever sends the one key written in the code in
the `Authorization` header, and names no caller. Every holder acts for every user (FL201 low,
with the key named)."""
from functools import wraps

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


def requires_auth(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        auth = request.headers.get("Authorization", None)
        if auth == "default_password":
            return func(*args, **kwargs)
        abort(401)

    return wrapper


TICKETS = {}


@app.route("/api/v1/ticket/id/<userid>/<ticket_id>", methods=["GET", "DELETE"])
@requires_auth
def user_ticket(userid, ticket_id):  # expect: FL201(low)
    if request.method == "DELETE":
        return jsonify(TICKETS.pop((userid, ticket_id), None))
    return jsonify(TICKETS.get((userid, ticket_id)))
