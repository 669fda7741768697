"""The notes API proper."""
import base64
import json

import jwt as pyjwt
from flask import Blueprint, abort, current_app, g, jsonify, request, url_for

from . import models
from .auth import check_webhook_token, decode_partner_token, require_auth, require_scope
from .config import JWT_ALGORITHM
from .tokens import issue_share_token

bp = Blueprint("notes", __name__)


def _owner_or_admin(user_id):
    if g.user_id != user_id and not g.is_admin:
        abort(403)


@bp.route("/users/<int:user_id>/notes", methods=["GET"])
@require_auth
def list_notes(user_id):
    _owner_or_admin(user_id)
    page = request.args.get("page", 1, type=int)
    size = current_app.config["NOTES_PER_PAGE"]
    notes = models.notes_for(user_id)
    return jsonify(notes=notes[(page - 1) * size : page * size], total=len(notes))


@bp.route("/users/<int:user_id>/notes", methods=["POST"])
@require_auth
def create_note(user_id):
    _owner_or_admin(user_id)
    data = request.get_json(silent=True) or {}
    text = (data.get("text") or "").strip()
    if not text:
        return jsonify(error="text is required"), 400
    return jsonify(models.add_note(user_id, text)), 201


@bp.route("/users/<int:user_id>/notes/<int:note_id>/share", methods=["POST"])
@require_scope("notes:share")
def share_note(user_id, note_id):
    _owner_or_admin(user_id)
    token = issue_share_token(user_id, note_id)
    return jsonify(url=url_for("notes.shared_note", token=token, _external=True)), 201


@bp.route("/shared/<token>")
def shared_note(token):
    try:
        claims = pyjwt.decode(token, current_app.config["SECRET_KEY"], algorithms=[JWT_ALGORITHM])  # expect: FL105
    except pyjwt.InvalidTokenError:
        abort(404)
    user_id = int(claims["sub"])
    note = next((n for n in models.notes_for(user_id) if n["id"] == claims.get("note")), None)
    if note is None:
        abort(404)
    return jsonify(note)


@bp.route("/admin/users")
def admin_users():
    # Only needs to know whether the caller is an admin.
    user = pyjwt.decode(request.headers['Authorization'].split(' ')[1], options={'verify_signature': False})  # expect: FL102
    if not user.get("admin"):  # expect: FL203
        abort(403)
    return jsonify(users=[{"id": u["id"], "username": u["username"]} for u in models.all_users()])


@bp.route("/partner/reports", methods=["POST"])
def partner_report():
    claims = decode_partner_token(request.headers.get("X-Partner-Token", ""))
    current_app.logger.info("report from %s", claims.get("sub"))
    return jsonify(received=True), 202


@bp.route("/import", methods=["POST"])
@require_auth
def import_notes():
    # A base64 JSON export from the old app: nothing to do with JWTs.
    raw = request.get_data().decode("utf-8")
    notes = json.loads(base64.urlsafe_b64decode(raw.encode("ascii")))
    created = [models.add_note(g.user_id, n["text"]) for n in notes if n.get("text")]
    return jsonify(imported=len(created)), 201


@bp.route("/webhooks/billing", methods=["POST"])
def billing_webhook():
    try:
        check_webhook_token(request.headers.get("X-Billing-Token", ""))
    except pyjwt.InvalidTokenError:
        abort(401)
    event = request.get_json(silent=True) or {}
    current_app.logger.info("billing event %s", event.get("type"))
    return jsonify(ok=True)
