from flask import Flask, request

import jwt

app = Flask(__name__)
PUBLIC_KEY = open("keys/idp-public.pem").read()


@app.get("/me")
def me():
    claims = jwt.decode(
        request.headers["X-Token"],
        PUBLIC_KEY,
        algorithms=["RS256"],
        audience="api",
        issuer="https://idp.example.com/",
    )
    return {"sub": claims["sub"]}
