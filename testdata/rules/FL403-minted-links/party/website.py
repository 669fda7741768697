"""Links to the public website, each with a freshly signed e-mail token (ONS ras-party)."""
from flask import current_app
from itsdangerous import URLSafeTimedSerializer


class PublicWebsite:
    def __init__(self):
        self.website_uri = current_app.config["FRONTSTAGE_URL"]

    def reset_password_url(self, email):
        return f"{self.website_uri}/passwords/reset-password/{self._generate_token(email)}"

    def help_url(self, topic):
        return f"{self.website_uri}/help/{topic}"

    @staticmethod
    def _generate_token(email):
        serializer = URLSafeTimedSerializer(current_app.config["SECRET_KEY"])
        return serializer.dumps(email, salt=current_app.config["EMAIL_TOKEN_SALT"])
