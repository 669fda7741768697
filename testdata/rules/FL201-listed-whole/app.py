"""tenancy-management's agency API: every logged-in property manager lists every owner
(`GET /owners` answers `Owner.query.all()`). Shared by design, or a listing that leaks every
owner: reading one by id shows nothing more, so it is low, and the message names the listing.
A listing that picks fields counts for a read that answers only fields it picks (Stockify's
`GET /sales` and `GET /sales/<id>`), not for one that answers more (fantasy-dl-cup's league
table and a profile's real name); a listing scoped to the caller or kept for administrators is
not named."""
from flask import Flask, abort, jsonify, request
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    password_hash = db.Column(db.String(200))
    is_admin = db.Column(db.Boolean)
    team = db.Column(db.String(80))
    real_name = db.Column(db.String(80))


class Owner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))

    def to_dict(self):
        return {"id": self.id, "name": self.name}


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.Text)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))

    def to_dict(self):
        return {"id": self.id, "body": self.body}


class Sale(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    total = db.Column(db.Integer)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    card_number = db.Column(db.String(19))


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    total = db.Column(db.Integer)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))

    def to_dict(self):
        return {"id": self.id, "total": self.total}


@app.get("/owners")
@login_required
def list_owners():
    return jsonify([owner.to_dict() for owner in Owner.query.order_by(Owner.name).all()])


@app.get("/owners/<int:owner_id>")
@login_required
def show_owner(owner_id):  # expect: FL201(low)
    owner = Owner.query.filter_by(id=owner_id).first_or_404()
    return jsonify(owner.to_dict())


@app.patch("/owners/<int:owner_id>")
@login_required
def update_owner(owner_id):  # expect: FL201(high)
    owner = Owner.query.filter_by(id=owner_id).first_or_404()
    owner.name = request.get_json()["name"]
    db.session.commit()
    return jsonify(owner.to_dict())


@app.get("/notes")
@login_required
def list_notes():
    return jsonify([note.to_dict() for note in Note.query.filter_by(user_id=current_user.id).all()])


@app.get("/notes/<int:note_id>")
@login_required
def show_note(note_id):  # expect: FL201(high)
    note = Note.query.filter_by(id=note_id).first_or_404()
    return jsonify(note.to_dict())


@app.get("/invoices")
@login_required
def list_invoices():
    if not current_user.is_admin:
        abort(403)
    return jsonify([invoice.to_dict() for invoice in Invoice.query.all()])


@app.get("/invoices/<int:invoice_id>")
@login_required
def show_invoice(invoice_id):  # expect: FL201(high)
    invoice = Invoice.query.filter_by(id=invoice_id).first_or_404()
    return jsonify(invoice.to_dict())


@app.get("/league")
@login_required
def league():
    # fantasy-dl-cup's league table: every account, but only its id and team name.
    return jsonify([{"id": user.id, "team": user.team} for user in User.query.all()])


@app.get("/profiles/<int:user_id>")
@login_required
def profile(user_id):  # expect: FL201(high)
    user = User.query.filter_by(id=user_id).first_or_404()
    return jsonify(id=user.id, team=user.team, real_name=user.real_name)


@app.get("/sales")
@login_required
def list_sales():
    sales = Sale.query.all()
    return jsonify({"sales": [{"id": sale.id, "total": sale.total, "user": sale.user_id} for sale in sales]})


@app.get("/sales/<id>")
@login_required
def show_sale(id):  # expect: FL201(low)
    sale = Sale.query.filter_by(id=id).first()
    return jsonify({"sale": {"id": sale.id, "user": sale.user_id}})


@app.get("/sales/by-user/<id>")
@login_required
def sales_of_user(id):  # expect: FL201(low)
    sales = Sale.query.filter_by(user_id=id).all()
    return jsonify([{"id": sale.id, "total": sale.total} for sale in sales])


@app.get("/sales/<id>/payment")
@login_required
def sale_payment(id):  # expect: FL201(high)
    sale = Sale.query.filter_by(id=id).first()
    return jsonify({"id": sale.id, "card": sale.card_number})
