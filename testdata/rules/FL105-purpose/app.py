"""Tokens bound to one use by the code that reads them (trotto's go-links): a transfer token must
say `tp: transfer` about a `link:` subject, an internal token must name the URL it is sent to.
The code refuses a token minted for anything else, as an audience would. A role claim read
after the decode says what the caller may do, not what the token is for: still reported."""
import os

import jwt
from flask import Flask, abort, request

app = Flask(__name__)
SIGNING_SECRET = os.environ["SIGNING_SECRET"]


@app.post("/links/transfer/<token>")
def accept_transfer(token):
    payload = jwt.decode(token, SIGNING_SECRET, algorithms=["HS256"])
    if not payload["sub"].startswith("link:") or payload["tp"] != "transfer":
        abort(403)
    return {"link": payload["sub"][len("link:"):]}


@app.get("/internal/report")
def internal_report():
    decoded = jwt.decode(request.headers["X-Internal-Token"], SIGNING_SECRET, algorithms=["HS256"])
    if request.url != decoded["url"]:
        abort(403)
    return {"report": []}


@app.get("/admin/stats")
def admin_stats():
    data = jwt.decode(request.headers["X-Access-Token"], SIGNING_SECRET, algorithms=["HS256"])  # expect: FL105
    if data["role"] != "admin":
        abort(403)
    return {"stats": []}
