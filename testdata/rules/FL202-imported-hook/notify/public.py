from flask import Blueprint, jsonify

public = Blueprint("public", __name__)
DRAFTS = {}


@public.route("/drafts/<int:draft_id>", methods=["DELETE"])
def delete_draft(draft_id):  # expect: FL202
    DRAFTS.pop(draft_id, None)
    return jsonify(ok=True)


@public.route("/bookings", methods=["POST"])
def book():  # expect: FL202(low)
    # A booking form on the blueprint the project keeps for visitors without an account
    # (a guesthouse's guests): low. Deleting a draft by id above stays the rule's severity.
    DRAFTS[len(DRAFTS)] = {"status": "pending"}
    return jsonify(ok=True)
