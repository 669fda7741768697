"""An SSO callback verifies the identity provider's token to log the caller in: a login, not an
authenticated route (security_monkey's Ping/Google/AzureAD callbacks). The app authenticates
nothing else, so its other routes are not compared with it."""
import os

import jwt
from flask import Flask, redirect, request
from flask_login import LoginManager, login_user

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
login_manager = LoginManager(app)
NOTES = []


class User:
    def __init__(self, email):
        self.email = email


@app.post("/sso/callback")
def sso_callback():
    claims = jwt.decode(
        request.args["id_token"],
        os.environ["IDP_SECRET"],
        algorithms=["HS256"],
        audience=os.environ["CLIENT_ID"],
        issuer="https://idp.example.com",
    )
    login_user(User(claims["email"]))
    return redirect("/")


@app.post("/notes")
def add_note():
    NOTES.append(request.form["text"])
    return redirect("/")
