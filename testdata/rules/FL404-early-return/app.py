from flask import Flask, request

app = Flask(__name__)

ALLOWED_ORIGINS = {"https://app.example.com"}


@app.after_request
def add_cors_headers(response):
    # An early return for every origin outside the allow-list: what follows answers allowed
    # origins only.
    origin = request.headers.get("Origin")
    if not origin:
        return response
    if origin not in ALLOWED_ORIGINS:
        return response
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


api = Flask("api")


@api.after_request
def echo_any_origin(response):
    # Only tests that an origin was sent: every origin is echoed with credentials.
    origin = request.headers.get("Origin")
    if not origin:
        return response
    response.headers["Access-Control-Allow-Origin"] = origin  # expect: FL404
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


other = Flask("other")


@other.after_request
def echo_when_present(response):
    # `if origin:` around the echo is no allow-list either.
    origin = request.headers.get("Origin")
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin  # expect: FL404
        response.headers["Access-Control-Allow-Credentials"] = "true"
    return response
