"""Response helpers, as pgAdmin's `pgadmin.utils.ajax`: every view answers through them."""
import json

from flask import Response


def make_json_response(success=1, errormsg="", data=None, status=200):
    doc = dict()
    doc["success"] = success
    doc["errormsg"] = errormsg
    doc["data"] = data
    return Response(response=json.dumps(doc), status=status, mimetype="application/json")


def internal_server_error(errormsg=""):
    # Three view methods hand it `str(e)`: one finding, here, with the count (low: flasklint
    # routes none of them).
    return make_json_response(status=500, success=0, errormsg=errormsg)  # expect: FL402(low)


def bad_request(errormsg=""):
    # Called only from authenticated routes: low.
    return make_json_response(status=400, success=0, errormsg=errormsg)  # expect: FL402(low)


def gone(errormsg=""):
    return make_json_response(status=410, success=0, errormsg=errormsg)


def not_found(errormsg=""):
    # Never handed an exception's text.
    return make_json_response(status=404, success=0, errormsg=errormsg)
