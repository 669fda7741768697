from flask import Flask

from portal.signer import LinkSigner

signer = LinkSigner()


def create_app():
    app = Flask(__name__)
    app.config.from_object("portal.default_settings")
    signer.init_app(app)
    return app
