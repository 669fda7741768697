from decouple import config
import os

from itsdangerous import URLSafeTimedSerializer

SECRET_KEY = config("SECRET_KEY", default="dev")  # expect: FL302


def reset_tokens():
    return URLSafeTimedSerializer("reset-salt")  # expect: FL302(low)
