from flask_restful import Resource

from auth import token_required


USERS = {}


class User(Resource):
    method_decorators = [token_required]

    def get(self, customer_id, user_id):  # expect: FL201
        return {"id": user_id, "name": USERS.get(user_id)}
