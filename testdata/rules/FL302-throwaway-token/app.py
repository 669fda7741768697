"""A logout that hands the client a junk token signed with a throwaway literal, so its copy of
the real one is overwritten: nothing in the project verifies with that literal (reported
low). The literal the login signs with, and the decode verifies with, is the app's key."""
import datetime

import jwt
from flask import Flask, g, jsonify, request

app = Flask(__name__)


@app.before_request
def load_user():
    header = request.headers.get("Authorization", "")
    g.user = None
    if header:
        g.user = jwt.decode(  # expect: FL105(low)
            header,
            "my-signing-key",  # expect: FL302
            algorithms=["HS256"],
        )


@app.post("/login")
def login():
    token = jwt.encode(
        {"user_id": request.json["id"]},  # expect: FL106(medium)
        "my-signing-key",  # expect: FL302
        algorithm="HS256",
    )
    return jsonify(token=token)


@app.put("/logout")
def logout():
    if g.user is None:
        return jsonify(error="log in first"), 401
    wrong_token = jwt.encode(
        payload={"user_id": g.user["user_id"], "exp": datetime.datetime.utcnow()},
        key="wrong_secret_key",  # expect: FL302(low)
        algorithm="HS256",
    )
    response = jsonify(message="Logged out!")
    response.headers["JWT"] = wrong_token
    return response
