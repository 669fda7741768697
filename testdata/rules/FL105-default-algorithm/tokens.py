"""SubtitleGeneratorBackend's token helpers: the app signs its own RS256 tokens, the algorithm a
parameter's default (`algorithm="RS256"`), and verifies them with the public half. The key's
owner is this app: FL105 low. The payload's own expiry claim, `expiration_date`, is checked
after every decode: the token expires (FL106 silent). `make_invite` mints an HS256 token with
an `expiration_note` the code never reads back: it never expires."""
import datetime

import jwt


def generate_token_from_payload(payload, expire_in_hours, private_key, algorithm="RS256"):
    expiration_date = datetime.datetime.now() + datetime.timedelta(hours=expire_in_hours)
    token = jwt.encode(
        payload={"data": payload, "expiration_date": expiration_date.timestamp()},
        key=private_key,
        algorithm=algorithm,
    )
    return token, expiration_date


def extract_payload_from_token(token, public_key, algorithms=("RS256",)):
    payload = jwt.decode(token, key=public_key, algorithms=list(algorithms))  # expect: FL105(low)
    if payload["expiration_date"] < datetime.datetime.now().timestamp():
        raise ValueError("token expired")
    return payload["data"]


def make_invite(invite_secret, email):
    return jwt.encode({"email": email, "expiration_note": "one week"}, invite_secret, algorithm="HS256")  # expect: FL106(medium)
