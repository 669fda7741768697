import flask

from sandbox.distributed.views import blueprints


def create_app():
    app = flask.Flask("distributed")
    for blueprint, routes in blueprints:
        for route in routes:
            app.register_blueprint(blueprint, url_prefix=route)
    return app
