import os

import jwt
from flask import Flask, abort, request

app = Flask(__name__)
PUBLIC_KEY = open(os.environ["PUB_KEY_PATH"]).read()


@app.get("/contacts/<username>")
def get_contacts(username):
    token = request.headers["Authorization"].split(" ")[-1]
    try:
        claims = jwt.decode(token, key=PUBLIC_KEY, algorithms=["RS256"])  # expect: FL105(low)
    except jwt.InvalidTokenError:
        abort(401)
    if claims["user"] != username:
        abort(403)
    return {"contacts": []}
