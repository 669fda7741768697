"""clusterfuzz's shape: route tables of `(rule, class)` handed to a helper of the same module that
registers `handler.as_view(route)` for each entry. The helper is followed with its parameters
bound, the table read as assigned although a call received it."""
from flask import Flask

from handlers import jobs

app = Flask(__name__)


def register_routes(flask_app, routes):
    for route, handler in routes:
        flask_app.add_url_rule(route, view_func=handler.as_view(route))


handlers = [
    ("/jobs", jobs.Handler),
    ("/jobs/clear", jobs.DeleteHandler),
]

register_routes(app, handlers)
