from flask import Blueprint, request

from ..controllers.reviews import ReviewController

reviews_bp = Blueprint("reviews", __name__)


@reviews_bp.route("/", methods=["GET"])
def list_reviews():
    """Reviews the caller wrote."""
    return ReviewController.list_reviews()


@reviews_bp.route("/", methods=["POST"])
def create_review():
    return ReviewController.create_review()


@reviews_bp.route("/<int:review_id>", methods=["DELETE"])
def delete_review(review_id):
    return ReviewController.delete_review(review_id)


@reviews_bp.route("/employee/<employee_id>", methods=["GET"])
def employee_reviews(employee_id):  # expect: FL201(high)
    return ReviewController.employee_reviews(employee_id)


@reviews_bp.route("/purge", methods=["POST"])
def purge_reviews():  # expect: FL202(high)
    return ReviewController.purge_reviews()


@reviews_bp.route("/<int:review_id>/flag", methods=["POST"])
def flag_review(review_id):  # expect: FL202(high)
    return ReviewController.flag_review(review_id)


@reviews_bp.route("/hr/<employee_id>", methods=["GET"])
def employee_reviews_for_hr(employee_id):
    return ReviewController.employee_reviews_for_hr(employee_id)
