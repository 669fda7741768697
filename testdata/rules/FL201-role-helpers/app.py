"""A warehouse console (Hyperion's shapes). Editing an order first calls a helper that lets
administrators through and answers 403 to everyone else; deleting an attachment sits behind a
decorator whose wrapper applies `require_any_role(...)` with the page's edit roles. Both are
role checks. Reading a customer's invoice behind a login alone is the finding."""
import os
from functools import wraps

from flask import Flask, abort, jsonify
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

from permissions import require_any_role, resolve_edit_roles

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)
LoginManager(app)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    status = db.Column(db.String)


class Attachment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"))


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    total = db.Column(db.Integer)


def _ensure_order_management_access():
    if current_user.is_authenticated and current_user.has_role("admin"):
        return None
    abort(403)


def _require_purchasing_edit(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        guard = require_any_role(resolve_edit_roles("purchasing"))
        return guard(view)(*args, **kwargs)

    return wrapped


@app.post("/orders/<int:order_id>/edit")
@login_required
def edit_order(order_id):
    _ensure_order_management_access()
    order = Order.query.get_or_404(order_id)
    order.status = "edited"
    db.session.commit()
    return jsonify(ok=True)


@app.post("/attachments/<int:attachment_id>/delete")
@login_required
@_require_purchasing_edit
def delete_attachment(attachment_id):
    db.session.delete(Attachment.query.get_or_404(attachment_id))
    db.session.commit()
    return jsonify(ok=True)


@app.get("/invoices/<int:invoice_id>")
@login_required
def show_invoice(invoice_id):  # expect: FL201
    return jsonify(total=Invoice.query.get_or_404(invoice_id).total)
