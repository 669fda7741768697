"""Environment readers other than os.environ: their fallbacks run when the variable is unset."""
import hmac
import os
from hashlib import sha256

from decouple import config
from dotenv import dotenv_values
from environs import Env
from itsdangerous import URLSafeTimedSerializer
from pydantic_settings import BaseSettings

env = Env()
values = dotenv_values(".env")


class DecoupleConfig:
    SECRET_KEY = config("SECRET_KEY", default="Wd4Rt7Yu1Io9Pa3Sd6Fg8Hj2Kl5Zx0Cv")  # expect: FL301
    JWT_SECRET_KEY = config("JWT_SECRET_KEY")


class EnvironsConfig:
    SECRET_KEY = env.str("SECRET_KEY", "Mn5Bv8Cx2Zl4Kj7Hg1Fd9Sa3Qw6Er0Ty")  # expect: FL301
    WTF_CSRF_SECRET_KEY = env("WTF_CSRF_SECRET_KEY", "Pl0Ok9Ij8Uh7Yg6Tf5Rd4Es3Wa2Qz1Xc")  # expect: FL301


class DotenvConfig:
    SECRET_KEY = values.get("SECRET_KEY", "Zq1Xw2Ce3Vr4Bt5Ny6Mu7Ki8Lo9Pa0Sd")  # expect: FL301
    JWT_SECRET_KEY = values["JWT_SECRET_KEY"]


class Settings(BaseSettings):
    secret_key: str = "Hy6Gt5Fr4De3Sw2Aq1Zx0Cv9Bn8Mk7Lp"  # expect: FL301
    jwt_secret_key: str
    database_url: str = "sqlite:///app.db"


def signer():
    # Keys handed to itsdangerous and hmac are signing keys, whatever their name.
    return URLSafeTimedSerializer("Rf4Tg5Yh6Uj7Ik8Ol9Pz0Xa1Sc2Dv3Fb")  # expect: FL301


def webhook_signature(body):
    return hmac.new(b"Kx7Lq2Mw9Nz4Pb6Rc1Sd8Tf3Vg5Wh0Yj", body, sha256).hexdigest()  # expect: FL301


def public_check(body, public_pem):
    return hmac.new(public_pem, body, sha256)
