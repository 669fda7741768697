"""A second app whose token helper answers failures with the exception's text."""
from flask import Flask, jsonify, render_template, request

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



@api.get("/me/sql")
def me_sql():
    resp = read_claims(request.headers.get("Authorization", ""), "k")
    claims = resp
    # A copy of the helper's result is still its text only on failure: rendering it into SQL
    # (pgAdmin's `o_data=old_data`) answers nothing; answering with an error status does.
    sql = render_template("update.sql", o_data=claims)
    if isinstance(claims, str):
        return jsonify(message=claims), 401  # expect: FL402
    return jsonify(sql=sql)
