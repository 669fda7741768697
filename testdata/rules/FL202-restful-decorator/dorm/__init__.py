"""A dormitory API (after DSM-DMS/DMS-Backend): the factory imports its plain views with a star
import and registers them with `add_url_rule`, and its Flask-RESTful resources are registered
by `@api.resource(...)` on each class. Every route must be found for the route rules to judge it."""
from flask import Flask
from flask_jwt_extended import JWTManager

from dorm.views import *
from dorm.views import notices


def create_app():
    app_ = Flask(__name__)
    JWTManager().init_app(app_)  # expect: FL306
    app_.register_blueprint(notices.api.blueprint)
    app_.add_url_rule("/", view_func=index_page)
    app_.add_url_rule("/notices/purge", view_func=purge_notices, methods=["POST"])
    return app_
