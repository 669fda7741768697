"""Every route of this app is covered by a hook that verifies the token."""
import jwt
from flask import Flask, g, jsonify, request

app = Flask(__name__)


@app.before_request
def authenticate():
    if request.endpoint == "health":
        return None
    g.claims = jwt.decode(request.headers.get("Authorization", "")[7:], "k", algorithms=["HS256"], audience="a", issuer="i")  # expect: FL302
    return None


@app.route("/records/<int:record_id>", methods=["DELETE"])
def delete_record(record_id):
    if g.claims["sub"] != record_id:
        return jsonify(error="forbidden"), 403
    return "", 204
