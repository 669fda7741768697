from functools import wraps

from flask import Blueprint, Flask, abort, jsonify, request
from flask_jwt_extended import get_jwt, get_jwt_identity, jwt_required, verify_jwt_in_request

app = Flask(__name__)
NOTES = {}
bp = Blueprint("notes", __name__, url_prefix="/notes")


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request()
        if get_jwt().get("role") != "admin":
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def cache_for(seconds):
    def decorator(view):
        return view

    return decorator


@jwt_required()  # expect: FL205
@app.route("/notes/<int:note_id>", methods=["DELETE"])
def delete_note(note_id):
    return jsonify(deleted=note_id)


@admin_required  # expect: FL205(high)
@bp.get("/admin/stats")
def stats():
    return jsonify(notes=len(NOTES))


@jwt_required()  # expect: FL205(low)
@app.route("/notes/<int:note_id>/pin", methods=["POST"])
def pin_note(note_id):
    # flask-pastebin's delete: the dead decorator misleads, but the handler's own check compares
    # the note's owner with the caller and aborts otherwise, so anonymous callers do not get in.
    note = NOTES.get(note_id) or abort(404)
    if note["owner"] != get_jwt_identity():
        abort(403)
    return jsonify(pinned=note_id)


# --- traps ----------------------------------------------------------------------------------


@app.route("/notes/<int:note_id>/archive", methods=["POST"])
@jwt_required()
def archive_note(note_id):
    if get_jwt_identity() != note_id:
        abort(403)
    return jsonify(archived=note_id)


@cache_for(60)
@app.route("/catalogue")
def catalogue():
    return jsonify([])


@jwt_required()
def exported(note_id):  # expect: FL201
    return jsonify(id=note_id, text=NOTES.get(note_id))


app.add_url_rule("/exported/<int:note_id>", view_func=exported, methods=["PUT"])


@app.route("/me", methods=["PATCH"])
@jwt_required()
def update_me():
    return jsonify(request.json)


# @app.route("/admin/boxes")
# def admin_get_boxes():
#     return jsonify(list(NOTES))
@admin_required  # expect: FL205(low)
@app.route("/admin/shipping/<int:method_id>", methods=["POST"])
@admin_required
def admin_save_shipping_method(method_id):
    NOTES[method_id] = request.get_json()
    return jsonify(ok=True)


@admin_required  # expect: FL205
@app.route("/admin/rates/<int:rate_id>", methods=["POST"])
@jwt_required()
def admin_save_rate(rate_id):  # expect: FL204(medium)
    NOTES[rate_id] = request.get_json()
    return jsonify(ok=True)
