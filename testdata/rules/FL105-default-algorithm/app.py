import os

from flask import Flask, jsonify, request

from tokens import extract_payload_from_token, generate_token_from_payload, make_invite

app = Flask(__name__)
PRIVATE_KEY = os.environ["PRIVATE_KEY"]
PUBLIC_KEY = os.environ["PUBLIC_KEY"]


@app.post("/login")
def login():
    token, _ = generate_token_from_payload({"user": request.json["user"]}, 24, PRIVATE_KEY)
    return jsonify(token=token)


@app.get("/me")
def me():
    return jsonify(extract_payload_from_token(request.headers["Authorization"], PUBLIC_KEY))


@app.post("/invite")
def invite():
    return jsonify(token=make_invite(os.environ["INVITE_SECRET"], request.json["email"]))
