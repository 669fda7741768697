from flask import jsonify

from handlers import base

JOBS = {}


class Handler(base.Handler):
    @base.check_token
    def get(self):
        return jsonify(list(JOBS))


class DeleteHandler(base.Handler):
    def post(self):  # expect: FL202
        # Clears every job with no authentication.
        JOBS.clear()
        return jsonify(ok=True)
