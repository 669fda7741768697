from flask_httpauth import HTTPTokenAuth

auth = HTTPTokenAuth(scheme="Bearer")
TOKENS = {}


@auth.verify_token
def verify_token(token):
    return TOKENS.get(token)
