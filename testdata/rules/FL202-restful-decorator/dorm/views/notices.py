from flask import Blueprint, jsonify
from flask_jwt_extended import jwt_required
from flask_restful import Api, Resource

from dorm.models import Notice

api = Api(Blueprint(__name__, __name__))


@api.resource("/notices/<notice_id>", "/board/<notice_id>")
class NoticeItem(Resource):
    def get(self, notice_id):
        return jsonify(Notice.objects(id=notice_id).first())

    def delete(self, notice_id):  # expect: FL202
        Notice.objects(id=notice_id).delete()
        return "", 204


@api.resource("/notices")
class NoticeList(Resource):
    # Trap: authenticated by its decorator.
    @jwt_required()
    def post(self):
        Notice.objects.create()
        return "", 201
