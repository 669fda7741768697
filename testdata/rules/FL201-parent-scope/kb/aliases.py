"""Deprecated aliases that answer through the current views: each view is judged at its own
route."""
from flask import Blueprint

from . import views
from .auth import login_required
from .models import Document

legacy = Blueprint("legacy", __name__, url_prefix="/v0")


@legacy.get("/document/<dataset_id>/<document_id>")
@login_required
def old_get_document(dataset_id, document_id):
    return views.get_document(dataset_id=dataset_id, document_id=document_id)


@legacy.get("/document/<document_id>/raw")
@login_required
def old_raw_document(document_id):  # expect: FL201
    # Not a view: a plain lookup.
    return {"raw": Document.query.get_or_404(document_id).body}
