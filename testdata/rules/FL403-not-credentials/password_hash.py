"""An operator's command (GeoHealthCheck's `create_hash` task): it prints the hash of a password
to paste into the settings. A hash opens nothing; a token made from random bytes does."""
import hashlib
import os

from invoke import task
from werkzeug.security import generate_password_hash

DEBUG = os.environ.get("DEBUG") == "1"


@task
def create_hash(c, password):
    token = generate_password_hash(password)
    print("Copy/paste the entire token below to set the password")
    print(token)


@task
def new_api_token(c):
    token = hashlib.sha256(os.urandom(32)).hexdigest()
    print(token)  # expect: FL403
