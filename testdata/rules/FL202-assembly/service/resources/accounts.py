from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_restful import Resource


class AccountList(Resource):
    @jwt_required()
    def get(self):
        return [get_jwt_identity()]


class Account(Resource):
    def delete(self, account_id):  # expect: FL202
        return "", 204
