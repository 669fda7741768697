"""Hawk authentication: mohawk's failure text is a signature oracle."""
from functools import wraps

import mohawk
from flask import jsonify, request
from mohawk.exc import HawkFail, MacMismatch
from werkzeug.exceptions import Unauthorized


def lookup_credentials(sender_id):
    return {"id": sender_id, "key": "from-the-store", "algorithm": "sha256"}


def hawk_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        try:
            mohawk.Receiver(
                lookup_credentials,
                request.headers.get("Authorization", ""),
                request.url,
                request.method,
                content=request.get_data(),
                content_type=request.mimetype,
            )
        except mohawk.exc.HawkFail as e:
            # "MACs do not match; ours: <expected MAC>; theirs: ...": high.
            raise Unauthorized(str(e))  # expect: FL402(high)
        return view(*args, **kwargs)

    return wrapper


def hawk_status(header):
    try:
        mohawk.Receiver(lookup_credentials, header, request.url, request.method)
    except (MacMismatch, KeyError) as e:
        return jsonify(error=f"hawk: {e}"), 401  # expect: FL402(high)
    except HawkFail:
        # Logged, with a generic answer: silent.
        return jsonify(error="invalid Hawk credentials"), 401
    return jsonify(ok=True)


def plain_status():
    try:
        lookup_credentials("x")
    except Exception as e:
        # Not mohawk's: internals, and this function's caller is unknown: low.
        return jsonify(error=str(e)), 500  # expect: FL402(low)
    return jsonify(ok=True)


HAWK = {"required": hawk_required, "status": hawk_status, "plain": plain_status}
