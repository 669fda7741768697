"""Handlers that mint tokens are logins, not verifiers; one that checks the token its caller sent
(a refresh) is authenticated."""
import os
from datetime import datetime, timedelta, timezone

import jwt
import requests
from flask import Flask, jsonify, request
from flask_jwt_extended import create_access_token

app = Flask(__name__)
KEY = os.environ["JWT_SECRET"]


def check_password(username, password):
    return username == password


@app.post("/session")
def login():
    # HTTP Basic credentials exchanged for a token: a login, not a token check.
    credentials = request.authorization
    if not credentials or not check_password(credentials.username, credentials.password):
        return jsonify(error="bad credentials"), 401
    token = jwt.encode({"sub": credentials.username, "exp": datetime.now(tz=timezone.utc) + timedelta(minutes=15)}, KEY, algorithm="HS256")
    response = jsonify(ok=True)
    response.headers["Authorization"] = f"Bearer {token}"
    return response


@app.post("/sso")
def sso_callback():
    # The identity provider's answer is decoded, then a token of our own minted.
    answer = requests.post("https://idp.example/token", data={"code": request.json["code"]}, timeout=5).json()
    claims = jwt.decode(answer["id_token"], KEY, algorithms=["HS256"], audience="me", issuer="idp")
    headers = {"Authorization": f"Bearer {answer['access_token']}"}
    requests.get("https://idp.example/me", headers=headers, timeout=5)
    return jsonify(access_token=create_access_token(identity=claims["sub"]))


@app.post("/session/renew")
def renew():
    # A refresh: the caller's token is verified before a new one is minted.
    presented = request.json["refresh_token"]
    claims = jwt.decode(presented, KEY, algorithms=["HS256"], audience="me", issuer="me")
    return jsonify(access_token=create_access_token(identity=claims["sub"]))


@app.delete("/notes/<int:note_id>")
def delete_note(note_id):  # expect: FL202
    return "", 204
