from flask import jsonify, request
from flask_login import current_user, login_required

from mailhost import access, app, models

DOMAINS = {}
RELAYS = {}


@app.route("/me")
@login_required
def me():
    return jsonify(email=current_user.email)


@app.route("/domain/create", methods=["POST"])
@access.global_admin
def domain_create():
    DOMAINS[request.form["name"]] = {}
    return jsonify(ok=True)


@app.route("/domain/<domain_name>/delete", methods=["POST"])
@access.domain_admin(dict, "domain_name")
def domain_delete(domain_name):
    DOMAINS.pop(domain_name, None)
    return jsonify(ok=True)


@app.route("/relay/<relay_name>/delete", methods=["POST"])
@access.audited
def relay_delete(relay_name):  # expect: FL202(high)
    RELAYS.pop(relay_name, None)
    return jsonify(ok=True)


@app.route("/fetch/<fetch_id>/delete", methods=["POST"])
@access.owner(models.Fetch, "fetch_id")
def fetch_delete(fetch_id):
    fetch = models.Fetch.query.get(fetch_id)
    models.db.session.delete(fetch)
    models.db.session.commit()
    return jsonify(ok=True)


@app.route("/fetch/<fetch_id>/password")
@access.exists(models.Fetch, "fetch_id")
def fetch_password(fetch_id):  # expect: FL201
    fetch = models.Fetch.query.get(fetch_id)
    return jsonify(password=fetch.password)


@app.route("/internal/dovecot/quota/<ns>/<path:user_email>", methods=["POST"])
def dovecot_quota(ns, user_email):  # expect: FL202(low)
    """Dovecot reports a mailbox's usage; nginx keeps /internal from outside callers."""
    DOMAINS.setdefault(user_email, {})[ns] = request.get_json()
    return jsonify(ok=True)


@app.route("/api/internal-notes/<note_id>", methods=["POST"])
def internal_note(note_id):  # expect: FL202(high)
    """Only the first segment says internal: `/api/internal-notes` is an ordinary API."""
    DOMAINS[note_id] = request.get_json()
    return jsonify(ok=True)
