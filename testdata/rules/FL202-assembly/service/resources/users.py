from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_restx import Namespace, Resource

users_ns = Namespace("users")


@users_ns.route("/<int:user_id>")
class User(Resource):
    @jwt_required()
    def get(self, user_id):
        if user_id != get_jwt_identity():
            return {}, 403
        return {"id": user_id}
