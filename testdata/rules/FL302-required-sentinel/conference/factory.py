from flask import Flask, session

from conference.utils import check_required_settings


def create_app():
    app = Flask(__name__)
    app.config.from_object("conference.settings")
    check_required_settings(app.config)

    @app.route("/")
    def index():
        return {"visits": session.get("visits", 0)}

    return app
