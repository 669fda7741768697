"""walsatpay's back office: accounts are made by administrators only (no sign-up route), and
`GET /api/invoices/` builds `query = Invoice.query`, narrows it under `if` for each filter the
caller may send, and pages through the rest: every invoice is listed to every member of staff.
Reading one by id shows nothing more (low). Changing one by id is low too, for another reason:
only an administrator's route makes accounts, so every user is staff the operators let in
(see FL201-operators-make-accounts); a listing alone says who may see records, not who may
change them.

Traps: `GET /api/notes/` narrows its query to the caller's own notes before paging, so reading
or changing a note by id stays high; `GET /api/expenses/` narrows to the caller's rows under a
role test (`if current_user.role != "admin":`), which keeps them from ordinary staff: high."""
from functools import wraps

from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(64))
    role = db.Column(db.String(20))


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    created_by = db.Column(db.Integer, db.ForeignKey("user.id"))
    status = db.Column(db.String(20))
    customer_id = db.Column(db.Integer)

    def to_dict(self):
        return {"id": self.id, "status": self.status}


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    text = db.Column(db.String(200))

    def to_dict(self):
        return {"id": self.id, "text": self.text}


class Expense(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    amount = db.Column(db.Integer)

    def to_dict(self):
        return {"id": self.id, "amount": self.amount}


def token_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("X-Token")
        if not token:
            return jsonify(error="unauthorised"), 401
        user = User.query.filter_by(token=token).first()
        if user is None:
            return jsonify(error="unauthorised"), 401
        return view(user, *args, **kwargs)

    return wrapper


@app.post("/api/users")
@token_required
def create_user(current_user):
    if current_user.role != "admin":
        return jsonify(error="forbidden"), 403
    user = User(role=request.json["role"])
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id)


@app.get("/api/invoices/")
@token_required
def get_invoices(current_user):
    page = request.args.get("page", 1, type=int)
    status = request.args.get("status", "")
    customer_id = request.args.get("customer_id", type=int)
    query = Invoice.query
    if status:
        query = query.filter_by(status=status)
    if customer_id:
        query = query.filter_by(customer_id=customer_id)
    query = query.order_by(Invoice.id.desc())
    pagination = query.paginate(page=page, per_page=20, error_out=False)
    return jsonify([invoice.to_dict() for invoice in pagination.items])


@app.get("/api/invoices/<int:invoice_id>")
@token_required
def get_invoice(current_user, invoice_id):  # expect: FL201(low)
    invoice = Invoice.query.get_or_404(invoice_id)
    return jsonify(invoice.to_dict())


@app.put("/api/invoices/<int:invoice_id>")
@token_required
def update_invoice(current_user, invoice_id):  # expect: FL201(low)
    invoice = Invoice.query.get_or_404(invoice_id)
    invoice.status = request.json["status"]
    db.session.commit()
    return jsonify(invoice.to_dict())


@app.get("/api/notes/")
@token_required
def get_notes(current_user):
    query = Note.query.filter_by(user_id=current_user.id)
    if request.args.get("q"):
        query = query.filter(Note.text.contains(request.args["q"]))
    pagination = query.paginate(page=1, per_page=20, error_out=False)
    return jsonify([note.to_dict() for note in pagination.items])


@app.get("/api/notes/<int:note_id>")
@token_required
def get_note(current_user, note_id):  # expect: FL201(high)
    return jsonify(Note.query.get_or_404(note_id).to_dict())


@app.put("/api/notes/<int:note_id>")
@token_required
def update_note(current_user, note_id):  # expect: FL201(high)
    note = Note.query.get_or_404(note_id)
    note.text = request.json["text"]
    db.session.commit()
    return jsonify(note.to_dict())


@app.get("/api/expenses/")
@token_required
def get_expenses(current_user):
    query = Expense.query
    if current_user.role != "admin":
        query = query.filter_by(user_id=current_user.id)
    pagination = query.paginate(page=1, per_page=20, error_out=False)
    return jsonify([expense.to_dict() for expense in pagination.items])


@app.get("/api/expenses/<int:expense_id>")
@token_required
def get_expense(current_user, expense_id):  # expect: FL201(high)
    return jsonify(Expense.query.get_or_404(expense_id).to_dict())
