from flask_restx import Resource

from flexapp.app import api

users_api = api.namespace("users")
public_api = api.namespace("public")


class User:
    @staticmethod
    def get(user_id):
        return {"id": user_id}


@users_api.route("/<int:user_id>/")
class UserAPI(Resource):
    # Authenticated by the hook in auth.py, but any logged-in user edits any account.
    def put(self, user_id):  # expect: FL201
        return User.get(user_id)


# `/public/...` is let through by the hook: a public profile, neither authenticated nor
# reported.
@public_api.route("/<int:user_id>/")
class PublicProfile(Resource):
    def get(self, user_id):
        return User.get(user_id)
