from flask import Flask, request

import jwt

app = Flask(__name__)
PUBLIC_KEY = open("keys/idp-public.pem").read()
# Accepts both, so a token claiming HS256 is checked with the public key as its secret.
ALLOWED_ALGORITHMS = ["RS256", "HS256"]


@app.get("/me")
def me():
    claims = jwt.decode(
        request.headers["X-Token"],
        PUBLIC_KEY,
        algorithms=ALLOWED_ALGORITHMS,  # expect: FL104
        audience="api",
        issuer="https://idp.example.com/",
    )
    return {"sub": claims["sub"]}
