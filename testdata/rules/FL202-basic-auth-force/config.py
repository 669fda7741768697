import os

BASIC_AUTH_USERNAME = os.environ["UI_USERNAME"]
BASIC_AUTH_PASSWORD = os.environ["UI_PASSWORD"]
# Flask-BasicAuth checks the account before every request of the app (SpiderKeeper).
BASIC_AUTH_FORCE = True
