from flask import request
from flask_restful import Resource

from managers.auth import TOKENS, auth
from managers.db import HOMES


class LoginResource(Resource):
    def post(self):
        TOKENS[request.json["token"]] = request.json["username"]
        return {"token": request.json["token"]}


class MeetingResource(Resource):
    @auth.login_required
    def post(self):
        return {"with": auth.current_user()}


class HomeResource(Resource):
    # The home to change comes from the body, and nobody is authenticated.
    def put(self):  # expect: FL202
        HOMES[request.json["id"]] = request.json
        return request.json


class HomesResource(Resource):
    # A public catalogue: a read without an id stays silent.
    def get(self):
        return list(HOMES.values())
