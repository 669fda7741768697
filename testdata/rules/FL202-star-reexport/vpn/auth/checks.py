import flask

__all__ = ["checked", "audited_check", "open_auth"]


def check_session():
    admin_id = flask.session.get("admin_id")
    if admin_id is None:
        return False
    # The console's accounts are its administrators (pritunl's `check_session`).
    flask.g.administrator = {"id": admin_id}
    return True


def checked(call):
    def _wrapped(*args, **kwargs):
        if not check_session():
            return flask.abort(401)
        return call(*args, **kwargs)

    return _wrapped


# Marks a page anyone may open (pritunl's key links): it lets everyone in on purpose.
def open_auth(call):
    def _wrapped(*args, **kwargs):
        return call(*args, **kwargs)

    return _wrapped


def audited_check(call):
    def _wrapped(*args, **kwargs):
        if flask.session.get("admin_id") is None:
            return flask.abort(401)
        return call(*args, **kwargs)

    return _wrapped


def hidden(call):
    def _wrapped(*args, **kwargs):
        if flask.session.get("admin_id") is None:
            return flask.abort(401)
        return call(*args, **kwargs)

    return _wrapped
