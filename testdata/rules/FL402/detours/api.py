"""A second app whose token helper answers failures with the exception's text."""
from flask import Flask, jsonify, request

from .tokens import expired_reason, read_claims

api = Flask(__name__)


@api.get("/me")
def me():
    resp = read_claims(request.headers.get("Authorization", ""), "k")
    if isinstance(resp, str):
        return jsonify(message=resp), 401  # expect: FL402
    # The success path: here the helper returned the claims.
    return jsonify(resp)


@api.get("/expired")
def expired():
    resp = expired_reason(request.headers.get("Authorization", ""), "k")
    return jsonify(message=resp), 401


