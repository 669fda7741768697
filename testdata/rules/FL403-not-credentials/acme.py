"""Values named for a token that are not a bearer credential: an ACME DNS-01 challenge token,
which the code itself publishes in a public TXT record (lemur's DNS providers), and the claims a
decode returns, kept under the token's name (SBS's `id_token = decode_jwt_token(...)`). A
token the code only sends on, or that is also assigned otherwise, is still reported."""
import logging
import os

import jwt
from flask import Flask, current_app, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


def create_txt_record(zone, domain, token):
    zone.add_record(domain, record_type="TXT", txtdata=f'"{token}"', ttl=5)
    zone.publish()
    current_app.logger.info(f"TXT record created: {domain}, token: {token}")


def change_record(client, domain, token):
    change = {"Name": domain, "Type": "TXT", "ResourceRecords": [{"Value": f'"{token}"'}]}
    client.change_resource_record_sets(ChangeBatch={"Changes": [change]})
    logger.info("published %s for %s", token, domain)


def register_webhook(client, url, token):
    client.post(url, headers={"X-Record-Type": "webhook"}, json={"token": token})
    logger.info("registered %s with %s", url, token)  # expect: FL403


@app.post("/oidc/callback")
def oidc_callback():
    encoded_id_token = request.json["id_token"]
    id_token = jwt.decode(encoded_id_token, options={"verify_signature": False})  # expect: FL102
    logger.info(f"Received id_token {id_token}")
    return {"sub": id_token["sub"]}


@app.post("/sessions")
def start_session():
    session_token = jwt.decode(
        request.json["token"], os.environ["KEY"], algorithms=["HS256"], audience="app", issuer="me"
    )
    if request.json.get("raw"):
        session_token = request.json["token"]
    logger.info("session %s", session_token)  # expect: FL403
    return {"ok": True}
