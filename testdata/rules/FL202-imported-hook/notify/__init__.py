"""GOV.UK Notify's and the Digital Marketplace's shape: the authentication hooks live in one
module and are handed to `before_request` by others (the factory, a blueprint's package), by
name or wrapped in `functools.partial`. They authenticate their blueprints as a hook written
beside the routes does; the blueprint registered without one stays open. Both hooks admit
services (a configured secret, a configured list of tokens) and name no caller, so the id and
role findings behind them are low (FL201, FL204)."""
from flask import Flask


def create_app():
    app = Flask(__name__)
    from notify.admin import admin
    from notify.authentication import requires_admin_auth

    admin.before_request(requires_admin_auth)
    app.register_blueprint(admin, url_prefix="/admin")

    from notify.main import callbacks, main

    app.register_blueprint(main)
    app.register_blueprint(callbacks, url_prefix="/callbacks")

    from notify.public import public

    app.register_blueprint(public)
    return app
