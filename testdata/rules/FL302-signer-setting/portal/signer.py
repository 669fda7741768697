"""Signs account-confirmation links with a key read from the app's config into a local."""
from itsdangerous import URLSafeTimedSerializer


class LinkSigner:
    def __init__(self, app=None):
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        key = app.config["LINK_SIGNING_KEY"]
        self.serializer = URLSafeTimedSerializer(key)
        audit_key = app.config["AUDIT_SIGNING_KEY"]
        self.audit = URLSafeTimedSerializer(audit_key)
