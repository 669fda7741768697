from flask import request
from flask_login import current_user
from flask_restx import Resource

from .api import api
from .models import Member, Organization, User


@api.route("/organizations/")
class OrganizationListAPI(Resource):
    @api.secure
    def post(self):
        # The caller becomes the administrator of the organization they create: their own
        # role on their own object.
        organization = Organization(name=request.json["name"])
        user = current_user._get_current_object()
        organization.members.append(Member(user=user, role="admin"))
        organization.save()
        return {"id": str(organization.id)}, 201


@api.route("/organizations/<org>/member/")
class MemberInviteAPI(Resource):
    @api.secure
    def post(self, org):
        # Flask-Principal: raises 403 unless the caller may manage the members.
        org.permissions["members"].test()
        org.members.append(Member(user=User.get(request.json["user"]), role=request.json["role"]))
        org.save()
        return {}, 201


@api.route("/users/<user_id>/role")
class UserRoleAPI(Resource):
    @api.secure
    def put(self, user_id):  # expect: FL201(high), FL204(high)
        # Any logged-in user picks anyone's role.
        user = User.get(user_id)
        user.role = request.json["role"]
        user.save()
        return {}, 204
