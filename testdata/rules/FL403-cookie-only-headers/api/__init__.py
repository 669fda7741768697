"""An API beside it that takes its key from the `X-API-Key` header: its headers hold a
credential, and logging them whole is reported at the rule's severity."""
import logging

from flask import Flask, abort, request

app = Flask(__name__)
app.config.from_prefixed_env()


@app.get("/items")
def items():
    logging.info("headers: %s", dict(request.headers))  # expect: FL403
    if request.headers.get("X-API-Key") != app.config["API_KEY"]:
        abort(401)
    return {"items": []}
