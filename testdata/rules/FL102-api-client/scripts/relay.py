"""A relay that serves requests as well as making them: a web framework beside the HTTP client
makes it server code, judged as such."""
import jwt
import requests
from flask import Flask, request

app = Flask(__name__)
UPSTREAM = "https://api.example.com"


@app.get("/relay")
def relay():
    claims = jwt.decode(request.headers["Authorization"][7:], options={"verify_signature": False})  # expect: FL102
    return requests.get(f"{UPSTREAM}/items/{claims['sub']}", timeout=5).json()
