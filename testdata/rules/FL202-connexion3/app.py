"""FL201/FL202 fixture: a connexion 3 app, OpenAPI 3 spec, handlers found by RestyResolver."""
from connexion import FlaskApp
from connexion.resolver import RestyResolver

app = FlaskApp(__name__)
app.add_api("openapi.yaml", base_path="/v2", resolver=RestyResolver("api"))


def verify(token):
    import os

    import jwt

    key = os.environ["USERS_KEY"]
    return jwt.decode(token, key, algorithms=["HS256"], audience="users", issuer="users")
