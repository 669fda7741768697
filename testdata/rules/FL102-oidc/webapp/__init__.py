"""Web login with the authorization-code flow: the application fetches the id_token itself from
the identity provider's token endpoint, over TLS. OpenID Connect Core 3.1.3.7 lets the TLS
connection stand in for the signature there, so an unverified decode is low."""
import jwt
import requests
from authlib.integrations.flask_client import OAuth
from flask import Flask, current_app, request

app = Flask(__name__)
oauth = OAuth(app)
TOKEN_ENDPOINT = "https://idp.example.com/oauth2/token"


@app.get("/login/callback")
def callback():
    # alerta's shape: the token endpoint's answer, in the same function, on two branches.
    if request.args.get("method") == "basic":
        r = requests.post(TOKEN_ENDPOINT, auth=("client", "secret"), data={"code": request.args["code"]})
    else:
        r = requests.post(TOKEN_ENDPOINT, data={"code": request.args["code"], "client_secret": "x"})
    token = r.json()
    claims = jwt.decode(token["id_token"], options={"verify_signature": False})  # expect: FL102(low)
    return {"sub": claims["sub"]}


@app.get("/login/azure")
def azure():
    # Flask-AppBuilder's shape: authlib's code exchange, the id_token handed to a helper.
    resp = oauth.azure.authorize_access_token()
    return user_info(resp["id_token"])


def user_info(id_token):
    return jwt.decode(id_token, options={"verify_signature": False})  # expect: FL102(low)


@app.post("/login/token")
def client_token():
    # Trap: an id_token the client posts is whatever the client wrote, code exchange or not.
    id_token = request.json["id_token"]
    return jwt.decode(id_token, options={"verify_signature": False})  # expect: FL102(critical)


def check_client_token(id_token):
    # Trap: a helper that reads the request itself gets its id_token from the client.
    if request.headers.get("X-Client") == "mobile":
        return jwt.decode(id_token, options={"verify_signature": False})  # expect: FL102(critical)
    return None


class AzureFormPost:
    """Security Monkey's shape: the browser form-posts the id_token (`response_mode=form_post`)
    and the view hands it to a method that reads no request itself. It is the client's."""

    def validate_id_token(self, id_token):
        return jwt.decode(id_token, options={"verify_signature": False})  # expect: FL102(critical)

    def post(self):
        args = self.reqparse.parse_args()
        return self.validate_id_token(args["id_token"])


# The helpers other modules of the application call (a helper nothing names is dead code,
# whose findings are low).
__all__ = ["check_client_token"]
