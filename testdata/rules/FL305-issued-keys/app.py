import os

from flask import Flask

app = Flask(__name__)


class DevelopmentConfig:
    DEBUG = True
    MAIL_PASSWORD = "devmail-pass-77"  # expect: FL305(low)
    STRIPE_API_KEY = "sk_live_51HqLyjWDarjtT1zdp7dcXtnZ8Ad2Kq"  # expect: FL305(medium)


app.config.from_object(DevelopmentConfig)
app.secret_key = os.environ["SECRET_KEY"]
