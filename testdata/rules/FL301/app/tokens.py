import os
import os as _os
from datetime import datetime, timedelta, timezone
from os import environ

import jwt
from flask import current_app

SERVICE_KEY = "Wd8Fg1Hj4Kl7Zx0Cv3Bn6Mq9We2Rt5Yu"  # expect: FL301
PARTNER_PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----"
AUDIENCE = "api.example.com"
ISSUER = "https://auth.example.com"


def _claims(user_id):
    now = datetime.now(tz=timezone.utc)
    return {"sub": user_id, "aud": AUDIENCE, "iss": ISSUER, "exp": now + timedelta(minutes=15)}


def inline_key(user_id):
    return jwt.encode(_claims(user_id), "Yt6Ur9Ie2Ow5Pq8As1Df4Gh7Jk0Lz3Xc", algorithm="HS256")  # expect: FL301


def constant_key(token):
    return jwt.decode(token, SERVICE_KEY, algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER)


def config_key_of_any_name(token):
    # TOKEN_SECRET is a literal in config.ProductionConfig: reported there.
    return jwt.decode(token, current_app.config["TOKEN_SECRET"], algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER)


def config_key_via_get(token):
    return jwt.decode(token, current_app.config.get("REPORTS_SECRET"), algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER)


def from_import_environ(user_id):
    return jwt.encode(_claims(user_id), environ.get("PARTNER_SECRET", "Mn2Bv5Cx8Zl1Kj4Hg7Fd0Sa3Qw6Er9Ty"), algorithm="HS256")  # expect: FL301


def aliased_os(user_id):
    key = _os.getenv("BATCH_SECRET", "Az1Sx4Dc7Fv0Gb3Hn6Jm9Kl2Qw5Er8Ty")  # expect: FL301
    return jwt.encode(_claims(user_id), key, algorithm="HS256")


def keyword_key(user_id):
    return jwt.encode(_claims(user_id), key="Ui3Op6As9Df2Gh5Jk8Lz1Xc4Vb7Nm0Qw", algorithm="HS256")  # expect: FL301


# --- traps --------------------------------------------------------------------------------------


def environment_only(token):
    return jwt.decode(token, os.environ["JWT_SECRET_KEY"], algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER)


def no_default(token):
    return jwt.decode(token, os.environ.get("JWT_SECRET_KEY"), algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER)


def public_key(token):
    return jwt.decode(token, PARTNER_PUBLIC_KEY, algorithms=["ES256"], audience=AUDIENCE, issuer=ISSUER)


def key_from_file(token):
    with open("/run/secrets/jwt_key", "rb") as handle:
        key = handle.read()
    return jwt.decode(token, key, algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER)


def key_from_parameter(token, key):
    return jwt.decode(token, key, algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER)


def dev_only_config_key(token):
    # JWT_SECRET_KEY is a literal only in DevelopmentConfig.
    return jwt.decode(token, current_app.config["JWT_SECRET_KEY"], algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER)
