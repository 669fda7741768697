from flask import session as flask_session


class Session:
    def logged_in(self):
        return flask_session.get("uid") is not None

    def get_user(self):
        return flask_session.get("uid")


session = Session()
