from functools import wraps

from flask import Blueprint, abort, g, jsonify, request
from flask_jwt_extended import decode_token

from .tokens import claims_for, claims_from_app_config

bp = Blueprint("api", __name__)


def require_token(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            abort(401)
        g.claims = claims_from_app_config(auth[7:])
        return view(*args, **kwargs)

    return wrapper


@bp.route("/payments")
@require_token
def payments():
    return jsonify(owner=g.claims["sub"])


@bp.route("/refresh", methods=["POST"])
def refresh():
    # Flask-JWT-Extended checks JWT_DECODE_AUDIENCE / JWT_DECODE_ISSUER itself.
    claims = decode_token(request.json["refresh_token"])
    return jsonify(sub=claims["sub"])


@bp.route("/partner")
def partner():
    claims = claims_for(request.headers["X-Partner-Token"], "payments-partner", "https://partner.example/")
    return jsonify(partner=claims["sub"])
