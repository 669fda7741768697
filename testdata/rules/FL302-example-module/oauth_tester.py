"""
This is an example on how to integrate the provider with Requests-OAuthlib (SimpleLogin's
`oauth_tester.py`): a developer runs it on their machine, no server serves it.
"""

from flask import Flask, session

app = Flask(__name__)

# this demo uses flask.session that requires the `secret_key` to be set
app.secret_key = "very secret"  # expect: FL302(low)


@app.get("/profile")
def profile():
    return {"token": session.get("oauth_token")}
