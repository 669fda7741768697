"""A `before_request` hook that authenticates every request its helper says needs it
(ras-secure-message's `_request_requires_authentication()`: a conjunction of
`request.endpoint != "..."` tests). The endpoints the helper leaves out are public by the hook's
own code: the health checks by design, and two retention jobs that change every record."""
from flask import Flask, request
from flask_restful import Api, Resource

from .authentication import authenticate

app = Flask(__name__)
api = Api(app)


class Health(Resource):
    def get(self):
        return {"status": "healthy"}


class MessageById(Resource):
    def delete(self, message_id):  # expect: FL201
        MESSAGES.pop(message_id, None)
        return "", 204


class ThreadMarkForDeletion(Resource):
    def post(self):  # expect: FL202(medium)
        return {"marked": mark_closed_threads()}, 200


class ThreadDeletion(Resource):
    def delete(self):  # expect: FL202(medium)
        return {"deleted": delete_marked_threads()}, 200


MESSAGES = {}


def mark_closed_threads():
    return len(MESSAGES)


def delete_marked_threads():
    count = len(MESSAGES)
    MESSAGES.clear()
    return count


api.add_resource(Health, "/health")
api.add_resource(MessageById, "/messages/<message_id>")
api.add_resource(ThreadMarkForDeletion, "/threads/closed/mark_for_deletion")
api.add_resource(ThreadDeletion, "/threads/closed/delete")


@app.before_request
def before_request():
    if _request_requires_authentication():
        result = authenticate(request.headers)
        if result != {"status": "ok"}:
            return result, 401
    return None


def _request_requires_authentication():
    """The endpoints that need a token."""
    return (
        request.endpoint is not None
        and "health" not in request.endpoint
        and request.endpoint != "threadmarkfordeletion"
        and request.endpoint != "threaddeletion"
        and request.method != "OPTIONS"
    )
