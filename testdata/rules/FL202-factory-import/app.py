"""Views defined in the application factory, whose decorator the factory imports itself
(WorkZen: `from flask_login import login_required` inside `create_app`): the view is
authenticated; its open sibling that deletes is the finding."""
import os

from flask import Flask

ATTENDANCE = {}


def create_app():
    app = Flask(__name__)
    app.secret_key = os.environ["SECRET_KEY"]

    from flask_login import LoginManager, login_required

    LoginManager(app)

    @app.post("/admin/attendance/<int:day>/close")
    @login_required
    def close_day(day):  # expect: FL204(low)
        ATTENDANCE[day] = "closed"
        return "", 204

    @app.delete("/attendance/<int:day>")
    def forget_day(day):  # expect: FL202
        ATTENDANCE.pop(day, None)
        return "", 204

    return app
