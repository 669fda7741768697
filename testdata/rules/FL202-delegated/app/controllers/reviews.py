from flask import jsonify, request
from flask_jwt_extended import get_jwt_identity, jwt_required

REVIEWS = {}


def roles_required(*roles):
    def wrap(view):
        return view

    return wrap


class ReviewController:
    @staticmethod
    @jwt_required()
    def list_reviews():
        return jsonify(REVIEWS.get(get_jwt_identity(), []))

    @staticmethod
    @jwt_required()
    def create_review():
        REVIEWS.setdefault(get_jwt_identity(), []).append(request.get_json())
        return jsonify({"ok": True}), 201

    @staticmethod
    @jwt_required()
    def delete_review(review_id):
        review = REVIEWS.get(review_id)
        if review is None or review["author"] != get_jwt_identity():
            return jsonify({"error": "not yours"}), 403
        del REVIEWS[review_id]
        return jsonify({"ok": True})

    @staticmethod
    @jwt_required()
    def employee_reviews(employee_id):
        return jsonify(REVIEWS.get(employee_id, []))

    @staticmethod
    def purge_reviews():
        REVIEWS.clear()
        return jsonify({"ok": True})

    @staticmethod
    @jwt_required(optional=True)
    def flag_review(review_id):
        REVIEWS[review_id]["flagged"] = True
        return jsonify({"ok": True})

    @staticmethod
    @jwt_required()
    @roles_required("hr")
    def employee_reviews_for_hr(employee_id):
        return jsonify(REVIEWS.get(employee_id, []))
