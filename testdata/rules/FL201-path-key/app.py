"""The Digital Marketplace's supplier documents: the handler refuses a supplier id that is not
the caller's, then reads the document from a storage path under that supplier, so the document
name reaches nothing outside the caller's own folder. The same read without the check is a
finding."""
from flask import Flask, abort, current_app, redirect
from flask_login import current_user, login_required

from storage import signed_url

app = Flask(__name__)


@app.route("/assets/<framework>/documents/<int:supplier_id>/<document_name>")
@login_required
def download_document(framework, supplier_id, document_name):
    if current_user.supplier_id != supplier_id:
        abort(404)
    url = signed_url(current_app.config["BUCKET"], "{}/documents/{}/{}".format(framework, supplier_id, document_name))
    return redirect(url)


@app.route("/assets/<framework>/submissions/<int:supplier_id>/<document_name>")
@login_required
def download_submission(framework, supplier_id, document_name):
    if current_user.supplier_id != supplier_id:
        abort(404)
    return redirect(signed_url(current_app.config["BUCKET"], f"{framework}/submissions/{supplier_id}/{document_name}"))


@app.route("/assets/<framework>/agreements/<int:supplier_id>/<document_name>")
@login_required
def download_agreement(framework, supplier_id, document_name):  # expect: FL201
    url = signed_url(current_app.config["BUCKET"], "{}/agreements/{}/{}".format(framework, supplier_id, document_name))
    return redirect(url)
