"""Resources registered from a data table in another module, by a comprehension that unpacks
each entry into `add_resource` (the real-estate API): every route is mapped, and the
flask-httpauth object built in another module authenticates the ones it decorates."""
from flask import Flask
from flask_restful import Api

from resources.routes import routes


def create_app():
    app = Flask(__name__)
    api = Api(app)
    [api.add_resource(*r) for r in routes]
    return app
