"""An application where no route authenticates as flasklint sees it (amundsen's frontend, whose
Flask class comes from an environment variable and whose documented deployment wraps it in an
OIDC login): whether anyone reads the exception text depends on what stands in front of the app,
so it is reported at low. And the answer a leak was built into, sent on the next line, is the
same leak: one finding, where the text goes in."""
import logging
from http import HTTPStatus

from flask import Flask, jsonify, make_response

app = Flask(__name__)
LOGGER = logging.getLogger(__name__)


def load(key):
    return {"key": key}


@app.get("/api/metadata/v0/table")
def get_table_metadata():
    try:
        return make_response(jsonify({"tableData": load("t")}), HTTPStatus.OK)
    except Exception as e:
        message = "Encountered exception: " + str(e)
        LOGGER.exception(message)
        payload = jsonify({"tableData": {}, "msg": message})  # expect: FL402(low)
        return make_response(payload, HTTPStatus.INTERNAL_SERVER_ERROR)


@app.errorhandler(Exception)
def handle(error):
    return jsonify(error=str(error)), 500  # expect: FL402(low)


# The decorator called by hand registers a handler as well (graphite-api's `render_errors`).
def error_handler(e):
    import traceback

    return traceback.format_exc(), 500  # expect: FL402(low)


if app.config.get("RENDER_ERRORS", True):
    app.errorhandler(500)(error_handler)
