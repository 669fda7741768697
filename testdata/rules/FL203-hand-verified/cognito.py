"""AWS's documented Cognito check (libpyiotcloud): the key comes from the pool's key set, the
signature is verified by hand (`public_key.verify(message, signature)`, refused on failure), and
only then are the claims read with `get_unverified_claims`: they are verified. A function that
calls `verify` and ignores its answer has verified nothing."""
from flask import Flask, abort, request
from jose import jwk, jwt
from jose.utils import base64url_decode

app = Flask(__name__)
KEYS = []


def pool_key(token):
    kid = jwt.get_unverified_headers(token)["kid"]
    return jwk.construct(next(k for k in KEYS if k["kid"] == kid))


def verified_claims(token):
    public_key = pool_key(token)
    message, encoded_signature = str(token).rsplit(".", 1)
    if not public_key.verify(message.encode("utf8"), base64url_decode(encoded_signature.encode())):
        return None
    return jwt.get_unverified_claims(token)


def careless_claims(token):
    public_key = pool_key(token)
    message, encoded_signature = str(token).rsplit(".", 1)
    public_key.verify(message.encode("utf8"), base64url_decode(encoded_signature.encode()))
    return jwt.get_unverified_claims(token)


@app.delete("/devices/<int:device_id>")
def delete_device(device_id):
    claims = verified_claims(request.headers["Authorization"][7:])
    if claims is None or claims.get("cognito:groups") != ["admins"]:
        abort(403)
    return "", 204


@app.delete("/alerts/<int:alert_id>")
def delete_alert(alert_id):
    claims = careless_claims(request.headers["Authorization"][7:])
    if claims.get("cognito:groups") != ["admins"]:  # expect: FL203
        abort(403)
    return "", 204
