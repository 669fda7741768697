"""Code no request runs: a decorator applied nowhere, a view builder never registered."""
from functools import wraps

from flask import jsonify, request

from shop.db import session


def token_required(view):
    # Defined, applied to no route: nothing runs `decorated`. Low.
    @wraps(view)
    def decorated(*args, **kwargs):
        try:
            user = session.commit()
        except Exception as e:
            return {"message": "Something went wrong", "error": str(e)}, 500  # expect: FL402(low)
        return view(user, *args, **kwargs)

    return decorated


def stats_endpoint():
    # Builds a view nobody registers. Low.
    def stats():
        try:
            return jsonify(session.commit())
        except Exception as e:
            return jsonify({"error": str(e)}), 500  # expect: FL402(low)

    return stats


def api_key_required(view):
    # Applied below (to a function that is no route): used, so its caller is unknown. Low.
    @wraps(view)
    def decorated(*args, **kwargs):
        try:
            session.commit()
        except Exception as e:
            return {"error": str(e)}, 500  # expect: FL402(low)
        return view(*args, **kwargs)

    return decorated


@api_key_required
def profile():
    return request.args


def exported_helper():
    # Named in `__all__`: code outside the project may call it, unknown to flasklint. Low.
    try:
        return session.commit()
    except Exception as e:
        return jsonify(error=str(e)), 500  # expect: FL402(low)


__all__ = ["exported_helper", "profile"]
