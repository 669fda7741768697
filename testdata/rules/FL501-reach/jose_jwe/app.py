import os

from flask import Flask, request
from jose import jwe, jwt

app = Flask(__name__)
SECRET = os.environ["VAULT_SECRET"]


@app.post("/secrets")
def store():
    claims = jwt.decode(request.headers["X-Token"], SECRET, algorithms=["HS256"], audience="vault", issuer="vault")
    payload = jwe.decrypt(request.get_data(), SECRET)
    return {"sub": claims["sub"], "size": len(payload)}
