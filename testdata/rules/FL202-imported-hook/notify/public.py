from flask import Blueprint, jsonify

public = Blueprint("public", __name__)
DRAFTS = {}


@public.route("/drafts/<int:draft_id>", methods=["DELETE"])
def delete_draft(draft_id):  # expect: FL202
    DRAFTS.pop(draft_id, None)
    return jsonify(ok=True)
