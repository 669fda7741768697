"""Flask-SocketIO's example key in an app that keeps nothing in Flask's session (rent_relay):
its tokens are signed with a key of their own, so the weak `SECRET_KEY` signs nothing that
matters (low)."""
import os
from datetime import datetime, timedelta, timezone

import jwt
from flask import Flask, jsonify, request
from flask_socketio import SocketIO, emit

app = Flask(__name__)
app.config["SECRET_KEY"] = "secret!"  # expect: FL302(low)
socketio = SocketIO(app)
TOKEN_KEY = os.environ["TOKEN_KEY"]


@app.post("/login")
def login():
    claims = {"sub": request.json["email"], "exp": datetime.now(timezone.utc) + timedelta(hours=1)}
    return jsonify(token=jwt.encode(claims, TOKEN_KEY, algorithm="HS256"))


@socketio.on("message")
def relay(message):
    emit("message", message, broadcast=True)
