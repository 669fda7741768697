from flask import Blueprint, abort, g, jsonify, request
from flask_jwt_extended import get_jwt_identity, jwt_required

from .models import Address, Note, User
from .security import load_own_invoice, passes_user, token_required

api_bp = Blueprint("api", __name__)


# --- hits: an ID from the URL, used with no relation to the caller ---------------------------


@api_bp.route("/users/<int:user_id>/profile")
@jwt_required()
def get_profile(user_id):  # expect: FL201
    user = User.query.get_or_404(user_id)
    return jsonify(user.to_dict())


@api_bp.get("/notes/<int:note_id>")
@token_required
def read_note(note_id):  # expect: FL201
    note = Note.query.filter(Note.id == note_id).first_or_404()
    return jsonify(note.to_dict())


@api_bp.route("/users/<int:id>", methods=["PUT"])
@jwt_required()
def update_user(id):  # expect: FL201
    user = User.query.get_or_404(id)
    user.update(**request_json())
    return jsonify(user.to_dict())


@api_bp.route("/accounts/<account_id>/addresses")
@token_required
def list_addresses(account_id):  # expect: FL201
    return jsonify([a.to_dict() for a in Address.query.filter_by(account_id=account_id)])


# --- traps: the same shapes, done right --------------------------------------------------------


@api_bp.route("/me/users/<int:user_id>")
@jwt_required()
def compared_with_identity(user_id):
    if user_id != int(get_jwt_identity()):
        abort(403)
    return jsonify(User.query.get_or_404(user_id).to_dict())


@api_bp.route("/notes/<int:note_id>/owned")
@token_required
def compared_through_g(note_id):
    note = Note.query.get_or_404(note_id)
    if str(note.owner_id) != str(g.user_id):
        return jsonify(error="not found"), 404
    return jsonify(note.to_dict())


@api_bp.route("/notes/<int:note_id>/mine")
@jwt_required()
def owner_constrained_query(note_id):
    note = Note.query.filter_by(id=note_id, owner_id=get_jwt_identity()).first_or_404()
    return jsonify(note.to_dict())


@api_bp.route("/notes/<int:note_id>/chain")
@jwt_required()
def owner_constrained_chain(note_id):
    me = get_jwt_identity()
    note = Note.query.filter_by(owner_id=me).filter_by(id=note_id).first_or_404()
    return jsonify(note.to_dict())


@api_bp.route("/users/<int:user_id>/settings")
@passes_user
def injected_identity(current_user_id, user_id):
    if current_user_id != user_id:
        abort(403)
    return jsonify(User.query.get_or_404(user_id).settings)


@api_bp.route("/invoices/<int:invoice_id>")
@token_required
def helper_checks_ownership(invoice_id):
    return jsonify(load_own_invoice(invoice_id))


@api_bp.route("/users/<int:user_id>/notes", methods=["DELETE"])
@jwt_required()
def refuses_with_403(user_id):
    if not is_admin():
        abort(403)
    Note.query.filter_by(owner_id=user_id).delete()
    return "", 204


@api_bp.route("/products/<int:product_id>")
@jwt_required()
def catalogue_is_shared(product_id):
    return jsonify(Product.get(product_id))


@api_bp.route("/users/me")
@jwt_required()
def me():
    return jsonify(User.query.get_or_404(get_jwt_identity()).to_dict())


@api_bp.route("/public/users/<int:user_id>/avatar")
def not_authenticated(user_id):
    return jsonify(User.query.get_or_404(user_id).avatar_url)


@api_bp.route("/users/<int:user_id>/ping")
@jwt_required()
def id_not_used(user_id):
    return jsonify(ok=True)


def request_json():
    return {}


def is_admin():
    return False


class Product:
    @staticmethod
    def get(product_id):
        return {"id": product_id}


NOTES = {}


@api_bp.route("/notes/<int:note_id>/shared")
@jwt_required()
def shared_note(note_id):  # expect: FL201
    # Both values handed to the response relate nothing: any caller reads any note.
    return jsonify(NOTES.get(note_id), viewer=get_jwt_identity())


@api_bp.route("/notes/<int:note_id>/audited")
@jwt_required()
def audited_note(note_id):  # expect: FL201
    print("note", note_id, "read by", get_jwt_identity())
    return jsonify(NOTES.get(note_id))


@api_bp.route("/notes/<int:note_id>/raw")
@jwt_required()
def raw_note(note_id):  # expect: FL201
    token = request.headers.get("Authorization")
    # A 403 for a missing credential refuses anonymous callers, not other users' notes.
    if not token:
        abort(403)
    return jsonify(NOTES.get(note_id))


@api_bp.route("/notes/<int:note_id>/checked")
@jwt_required()
def checked_note(note_id):
    note = NOTES.get(note_id)
    # Trap: the 403 answers a caller who does not own the note.
    if note["owner"] != get_jwt_identity():
        abort(403)
    return jsonify(note)
