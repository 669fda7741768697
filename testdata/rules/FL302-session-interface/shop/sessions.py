import pickle
from uuid import uuid4

from flask.sessions import SessionInterface, SessionMixin
from redis import Redis
from werkzeug.datastructures import CallbackDict


class RedisSession(CallbackDict, SessionMixin):
    def __init__(self, initial=None, sid=None, new=False):
        CallbackDict.__init__(self, initial)
        self.sid = sid
        self.new = new


class RedisSessionInterface(SessionInterface):
    serializer = pickle

    def __init__(self, redis=None):
        self.redis = redis or Redis()

    def open_session(self, app, request):
        sid = request.cookies.get(app.config["SESSION_COOKIE_NAME"])
        if not sid:
            return RedisSession(sid=str(uuid4()), new=True)
        stored = self.redis.get("session:" + sid)
        return RedisSession(self.serializer.loads(stored) if stored else None, sid=sid)

    def save_session(self, app, session, response):
        self.redis.set("session:" + session.sid, self.serializer.dumps(dict(session)))
        response.set_cookie(app.config["SESSION_COOKIE_NAME"], session.sid, httponly=True)
