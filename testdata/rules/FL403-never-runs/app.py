"""Logs that never hold a token: inside `if not token:` only `None` or an empty value reaches
them (mlsb's OAuth callback), and a statement below a `try` whose body and handler both return
never runs (Property's duplicate body, low). A token refreshed inside the branch, and a log
above the returns, are still logged (the app takes tokens in the `Authorization` header, so its
headers hold them)."""
import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
LOGGER = logging.getLogger(__name__)


def refresh_token():
    return "fresh"


@app.post("/oauth/callback")
def oauth_callback():
    token = request.form.get("token")
    if not token:
        LOGGER.warning(f"the provider did not send a token: {token}")
        return jsonify(error="no token"), 400
    if token is None:
        LOGGER.warning("no token: %s", token)
    return jsonify(ok=True)


@app.post("/oauth/refresh")
def oauth_refresh():
    token = request.form.get("token")
    if not token:
        token = refresh_token()
        LOGGER.warning(f"refreshed: {token}")  # expect: FL403
    return jsonify(ok=True)


@app.get("/api/me")
def me():
    return jsonify(token_present=bool(request.headers.get("Authorization")))


@app.get("/stats")
def stats():
    LOGGER.info("headers: %s", dict(request.headers))  # expect: FL403
    try:
        return jsonify(total=1), 200
    except Exception:
        return jsonify(error="failed"), 500
    # A duplicate left below the returns.
    print(f"DEBUG - Request headers: {dict(request.headers)}")  # expect: FL403(low)
