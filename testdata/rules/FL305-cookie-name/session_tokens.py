"""A constant named like a token that is the name of the cookie the token travels in (linkr's
`COOKIE_SPA_TOKEN`): the token is random, its cookie's name is no credential. The service token
beside it is one."""
import secrets

from flask import Flask, make_response, request

app = Flask(__name__)
COOKIE_SESSION_TOKEN = "shop-session-token"
PAYMENTS_API_TOKEN = "pk_live_51HxQ2vKb8XcR4mT9wYz3NpLq"  # expect: FL305


@app.get("/")
def index():
    token = request.cookies.get(COOKIE_SESSION_TOKEN)
    response = make_response("hello")
    if not token:
        response.set_cookie(COOKIE_SESSION_TOKEN, secrets.token_urlsafe(32))
    return response


def charge(amount):
    return {"authorization": f"Bearer {PAYMENTS_API_TOKEN}", "amount": amount}
