"""The session holds nothing, but password-reset links are signed with the key it reads."""
from flask import Flask
from itsdangerous import URLSafeTimedSerializer

app = Flask(__name__)
app.secret_key = "dev"  # expect: FL302


def reset_link(email):
    return URLSafeTimedSerializer(app.secret_key).dumps(email)
