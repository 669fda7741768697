from flask import Flask, request
from flask_cors import CORS, cross_origin
from flask_login import login_required  # logins live in the session cookie

app = Flask(__name__)
CORS(app, supports_credentials=True)  # expect: FL404(high)

ALLOWED_ORIGINS = {"https://app.example.com"}


@app.get("/me")
@cross_origin(origins="*", supports_credentials=True)  # expect: FL404
def me():
    return {"user": "alice"}


@app.get("/tokens-for-sessions")
@cross_origin(supports_credentials=True, expose_headers=["Authorization"])  # expect: FL404(high)
def tokens_for_sessions():
    # flask-cors echoes the caller's origin with credentials: the victim's cookies come along.
    return {"ok": True}


@app.get("/wide")
@cross_origin(origins=[r".*"], supports_credentials=True)  # expect: FL404
def wide():
    return {"user": "alice"}


@app.get("/tokens")
@cross_origin(expose_headers=["Authorization"])  # expect: FL404(low)
def tokens():
    # Without credentials a page reads only the tokens answering credentials it sent itself.
    return {"ok": True}


@app.after_request
def add_cors(response):
    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin", "*")  # expect: FL404(high)
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def legacy_headers(response):
    # Browsers refuse `*` with credentials: nothing is exposed as written, low.
    response.headers.add("Access-Control-Allow-Origin", "*")  # expect: FL404(low)
    response.headers.add("Access-Control-Allow-Credentials", "true")
    return response


CORS(app, resources={r"/api/*": {"origins": "*", "supports_credentials": True}})  # expect: FL404


def legacy_dict_headers():
    return {"ok": True}, 200, {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": "true"}  # expect: FL404(low)


def token_headers(response):
    response.headers["Access-Control-Allow-Origin"] = "*"  # expect: FL404(low)
    response.headers["Access-Control-Expose-Headers"] = "Content-Type, Authorization"
    return response


def create_api():
    api = Flask("api")

    # A hook defined inside a factory: one finding, not a second one for the factory's body.
    @api.after_request
    def echo_origin(response):
        response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin")  # expect: FL404(high)
        response.headers["Access-Control-Allow-Credentials"] = "true"
        return response

    return api


# Traps below: these must stay silent.


@app.get("/listed")
@cross_origin(origins=["https://app.example.com"], supports_credentials=True)
def listed():
    return {"ok": True}


@app.get("/public")
@cross_origin()
def public():
    return {"ok": True}


def allow_listed(response):
    origin = request.headers.get("Origin")
    if origin in ALLOWED_ORIGINS:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def public_headers(response):
    response.headers.add("Access-Control-Allow-Origin", "*")
    response.headers.add("Access-Control-Allow-Headers", "Content-Type,Authorization")
    return response
