import os
from datetime import datetime, timedelta, timezone

import jwt
from flask import Flask

app = Flask(__name__)
SECRET = os.environ["LEDGER_SECRET"]


def issue(user):
    exp = datetime.now(tz=timezone.utc) + timedelta(minutes=5)
    return jwt.encode({"sub": user, "exp": exp}, SECRET, algorithm="HS256")


def verify(token):
    return jwt.decode(token, SECRET, algorithms=["HS256"], audience="ledger", issuer="ledger")
