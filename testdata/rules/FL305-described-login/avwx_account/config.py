"""Settings of the account portal."""

MONGO_URI = "mongodb://localhost:27017/account"

SECURITY_PASSWORD_HASH = "pbkdf2_sha512"

MAIL_SERVER = "smtp.mailgun.org"
MAIL_PORT = 587
# The mail server's login described in its own words (avwx-account): it only fails to
# connect if left in place; a login the app checks itself is a guessable password (admin.py).
MAIL_USERNAME = "mail username"
MAIL_PASSWORD = "mail password"

USER_APP_NAME = "AVWX"
USER_EMAIL_SENDER_EMAIL = "noreply@avwx.rest"
