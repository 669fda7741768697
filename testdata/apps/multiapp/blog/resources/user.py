from flask_restful import Resource


class User(Resource):
    def delete(self, user_id):  # expect: FL202
        return {"deleted": user_id}
