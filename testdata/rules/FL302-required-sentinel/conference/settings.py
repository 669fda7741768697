import os

from conference.utils import DOES_NOT_EXIST

SECRET_KEY = os.environ.get("SECRET_KEY", DOES_NOT_EXIST)
SECURITY_PASSWORD_SALT = os.environ.get("SECURITY_PASSWORD_SALT", DOES_NOT_EXIST)
