"""The application: its key comes from the environment. Beside it, `debug_token.py` and
`mock_app.py` are scripts a developer runs by hand (nothing imports them): their keys are low.
`debug_tools.py` is imported by the application, so its key signs what the app serves: high."""
import os

from flask import Flask, session

from debug_tools import issue_support_token

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]


@app.get("/me")
def me():
    return {"user": session.get("user"), "support": issue_support_token(session.get("user"))}
