"""Children of a checked parent: an id used only together with a parent already bound to the
caller reaches nothing outside the caller's own parent."""
from flask import Blueprint, jsonify

from .auth import login_required, require_dataset_access, with_tenant
from .models import Conversation, Dataset, Document, db

bp = Blueprint("kb", __name__)


def owns(dataset_id, tenant_id):
    return Dataset.query.filter_by(id=dataset_id, owner_id=tenant_id).first() is not None


@bp.get("/datasets/<dataset_id>/documents/<document_id>")
@login_required
@with_tenant
def get_document(tenant_id, dataset_id, document_id):
    # The child is looked up inside the checked parent.
    if not owns(dataset_id, tenant_id):
        return {"error": "not yours"}, 404
    doc = Document.query.filter_by(id=document_id, dataset_id=dataset_id).first_or_404()
    return jsonify(id=doc.id)


@bp.delete("/datasets/<dataset_id>/documents/<document_id>")
@login_required
@with_tenant
def delete_document(tenant_id, dataset_id, document_id):
    # The loaded child's parent is compared with the checked parent.
    if not owns(dataset_id, tenant_id):
        return {"error": "not yours"}, 404
    exists, doc = find_document(document_id)
    if not exists or str(doc.dataset_id) != str(dataset_id):
        return {"error": "not found"}, 404
    db.session.delete(doc)
    db.session.commit()
    return {"deleted": document_id}


@bp.delete("/datasets/<dataset_id>/conversations/<conversation_id>/messages/<message_id>")
@login_required
@with_tenant
def delete_message(tenant_id, dataset_id, conversation_id, message_id):
    # A chain: the dataset is checked, the conversation compared with it, the message found
    # inside the conversation.
    if not owns(dataset_id, tenant_id):
        return {"error": "not yours"}, 404
    conversation = Conversation.query.get_or_404(conversation_id)
    if conversation.dataset_id != dataset_id:
        return {"error": "not found"}, 404
    for message in conversation.messages:
        if message["id"] == message_id:
            conversation.messages.remove(message)
    db.session.commit()
    return {"deleted": message_id}


@bp.get("/datasets/<dataset_id>/logs/<message_id>")
@login_required
@with_tenant
@require_dataset_access
def get_logs(dataset_id, message_id, tenant_id):
    # The decorator checks the dataset; the log key lives under it.
    from .cache import store

    return jsonify(store.get(f"{dataset_id}-{message_id}-logs"))


@bp.patch("/datasets/<dataset_id>/documents/<document_id>")
@login_required
@with_tenant
def update_document(tenant_id, dataset_id, document_id):  # expect: FL201
    # The parent is checked, but the child is loaded by its own id and never compared with it.
    if not owns(dataset_id, tenant_id):
        return {"error": "not yours"}, 404
    doc = Document.query.get_or_404(document_id)
    doc.title = "renamed"
    db.session.commit()
    return {"updated": doc.id}


@bp.put("/datasets/<dataset_id>/documents/<document_id>/move")
@login_required
@with_tenant
def move_document(tenant_id, dataset_id, document_id):  # expect: FL201
    # Both ids reach one call, but as the new value of the row, not as its selector.
    if not owns(dataset_id, tenant_id):
        return {"error": "not yours"}, 404
    Document.query.filter_by(id=document_id).update({"dataset_id": dataset_id})
    db.session.commit()
    return {"moved": document_id}


@bp.get("/datasets/<dataset_id>/documents/<document_id>/title")
@login_required
@with_tenant
def document_title(tenant_id, dataset_id, document_id):  # expect: FL201
    # Naming both ids in an error text relates nothing.
    if not owns(dataset_id, tenant_id):
        return {"error": "not yours"}, 404
    doc = Document.query.get(document_id)
    if doc is None:
        return error_response(f"Document {document_id} not in {dataset_id}")
    return {"title": doc.title}


def find_document(document_id):
    doc = Document.query.get(document_id)
    return doc is not None, doc


def error_response(message):
    return {"error": message}, 404
