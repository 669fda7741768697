import os

from flask import Flask, request
from jose import jwt

app = Flask(__name__)
SECRET = os.environ["NOTES_SECRET"]


@app.get("/notes")
def notes():
    claims = jwt.decode(request.headers["X-Token"], SECRET, algorithms=["HS256"], audience="notes", issuer="notes")
    return {"sub": claims["sub"]}
