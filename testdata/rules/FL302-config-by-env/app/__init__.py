import os

from flask import Flask, session


def create_app():
    app = Flask(__name__)
    config_name = os.getenv("FLASK_CONFIG", "config.dev")
    app.config.from_object(config_name)

    @app.post("/visits")
    def count_visit():
        session["visits"] = session.get("visits", 0) + 1
        return {"visits": session["visits"]}

    return app
