"""A login hook that lets through the views a decorator marks (after temboard's
`@anonymous_allowed`, which sets `func.__anonymous_allowed = True`): the hook reads the mark
off `app.view_functions[request.endpoint]`, so marked views are public and the rest need a
login. Its `abort(404)` for an unknown endpoint refuses nobody."""
from flask import Flask, abort, g, request, session

app = Flask(__name__)


def anonymous_allowed(func):
    func.__anonymous_allowed = True
    return func


class AuthMiddleware:
    def __init__(self, app=None):
        self.app = app
        if app:
            self.init_app(app)

    def init_app(self, app):
        app.before_request(self.before)

    def before(self):
        g.current_user = session.get("user")
        func = self.app.view_functions.get(request.endpoint)
        if not func:
            abort(404)
        anonymous = getattr(func, "__anonymous_allowed", False)
        if not anonymous and g.current_user is None:
            abort(401)


AuthMiddleware(app)


@app.route("/login")
@anonymous_allowed
def login():
    return "form"


@app.route("/logout")
def logout():
    session.clear()
    return "bye"
