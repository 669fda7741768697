"""A factory whose `before_request` hook, defined inside `create_app`, refuses every request
without a logged-in journalist except the views it lists (SecureDrop's journalist app): the
hook authenticates every other route, so the route rules judge them."""
from flask import Flask, abort, g, redirect, request, url_for

from newsroom import admin, api, main
from newsroom.sessions import session

_insecure_views = ["main.login", "static"]
_insecure_api_views = ["api.get_token", "api.get_endpoints"]


def create_app():
    app = Flask(__name__)

    @app.before_request
    def setup_g():
        g.organization_name = "Newsroom"
        if request.path.split("/")[1] == "api":
            if request.endpoint not in _insecure_api_views and not session.logged_in():
                abort(403)
        elif request.endpoint not in _insecure_views and not session.logged_in():
            return redirect(url_for("main.login"))
        return None

    app.register_blueprint(main.make_blueprint())
    app.register_blueprint(admin.make_blueprint(), url_prefix="/admin")
    api_blueprint = api.make_blueprint()
    app.register_blueprint(api_blueprint, url_prefix="/api/v1")
    return app
