"""Object ids by use: what a value selects decides, not its name."""
import sqlite3

from flask import Blueprint, jsonify, render_template, request, send_from_directory
from flask_allows import Allows, Requirement
from flask_jwt_extended import create_access_token, current_user, get_jwt_identity, jwt_required

from .extensions import db
from .models import HelpDoc, Invoice, Note, Page, Post, Product, Report, User, Workspace
from .models import Board, Card, Customer, Member, Patient, Pick, Ticket

bp = Blueprint("views", __name__)

DOCS = {}


# --- hits: URL variables that select someone's record, whatever their names -------------------


@bp.get("/reports/<int:report_id>")
@jwt_required()
def read_report(report_id):  # expect: FL201
    # `Report` inherits `owner_id` from a mixin.
    return jsonify(body=Report.query.get_or_404(report_id).body)


@bp.get("/workspaces/<public_id>")
@jwt_required()
def read_workspace(public_id):  # expect: FL201
    workspace = Workspace.query.filter_by(public_id=public_id).first_or_404()
    return jsonify(plan=workspace.plan)


@bp.get("/customers/<int:cust_id>")
@jwt_required()
def read_customer(cust_id):  # expect: FL201
    # The customer table is an account table itself.
    return jsonify(name=db.session.get(Customer, cust_id).name)


@bp.get("/billing/<int:inv>")
@jwt_required()
def read_invoice(inv):  # expect: FL201
    invoice = db.session.execute(db.select(Invoice).where(Invoice.id == inv)).scalar_one()
    return jsonify(total=str(invoice.total))


@bp.get("/statements/<crn>")
@jwt_required()
def read_statement(crn):  # expect: FL201
    connection = sqlite3.connect("bank.db")
    row = connection.execute("SELECT amount FROM statements WHERE crn = ?", (crn,)).fetchone()
    return jsonify(amount=row[0])


@bp.put("/statements/<crn>")
@jwt_required()
def relabel_statement(crn):
    # myDiaryEndpoints' shape: a count scoped by the caller first, then an UPDATE by the id
    # alone. The new values (`label`, `note`) are no row selectors.
    data = request.get_json()
    label = data.get("label")
    note = data.get("note")
    connection = sqlite3.connect("bank.db")
    owned = connection.execute(
        "SELECT COUNT(*) FROM statements WHERE crn = ? AND customer_id = ?",
        (crn, get_jwt_identity()),
    ).fetchone()
    if owned[0] == 0:
        return jsonify(error="not found"), 404
    connection.execute("UPDATE statements SET label = ?, note = ? WHERE crn = ?", (label, note, crn))
    return jsonify(ok=True)


@bp.put("/statements/<crn>/amount")
@jwt_required()
def restate_statement(crn):  # expect: FL201
    # Trap: nothing relates this statement to the caller.
    amount = request.get_json().get("amount")
    connection = sqlite3.connect("bank.db")
    connection.execute("UPDATE statements SET amount = ? WHERE crn = ?", (amount, crn))
    return jsonify(ok=True)


def clean(*values):
    return tuple(str(value).strip() for value in values)


@bp.post("/statements/edit")
@jwt_required()
def edit_statement():
    # OpenPLC's shape: the ids come from the form and pass through a cleaning call that hands
    # them back in order; only `crn` selects the row, `label` and `note` are new values.
    crn = request.form["crn"]  # expect: FL201
    label = request.form["label"]
    note = request.form["note"]
    (crn, label, note) = clean(crn, label, note)
    connection = sqlite3.connect("bank.db")
    connection.execute(
        "UPDATE statements SET label = ?, note = ? WHERE crn = ?", (label, note, int(crn))
    )
    return jsonify(ok=True)


def _caller():
    return int(get_jwt_identity())


@bp.post("/notes")
@jwt_required()
def add_note():
    # An INSERT makes a new row: the request's fields are its columns, no row is selected.
    data = request.get_json()
    db.session.execute(
        db.text("INSERT INTO note (category, owner_id) VALUES (:category, :owner)"),
        {"category": data["category"], "owner": _caller()},
    )
    db.session.commit()
    return jsonify(ok=True)


@bp.delete("/posts/<int:post_id>")
@jwt_required()
def delete_post(post_id):  # expect: FL201
    # Anyone may read a post; deleting one needs its author.
    post = Post.query.get_or_404(post_id)
    db.session.delete(post)
    db.session.commit()
    return "", 204


@bp.patch("/tickets/<id_ticket>")
@jwt_required()
def edit_ticket(id_ticket):  # expect: FL201
    # `id_user` names the owner with the id written first.
    ticket = Ticket.query.filter_by(id_ticket=int(id_ticket)).first_or_404()
    ticket.subject = request.json["subject"]
    db.session.commit()
    return jsonify(ok=True)


@bp.post("/docs")
@jwt_required()
def create_doc():
    key = str(len(DOCS) + 1)
    DOCS[key] = {"owner": get_jwt_identity(), "body": request.json["body"]}
    return jsonify(key=key), 201


@bp.get("/docs/<key>")
@jwt_required()
def read_doc(key):  # expect: FL201
    # The store's entries carry an `owner`.
    return jsonify(DOCS.get(key))


# --- hits: ids from the body and the query string -----------------------------------------------


@bp.post("/notes/delete")
@jwt_required()
def delete_note_by_body():
    note_id = request.json["note_id"]  # expect: FL201(medium)
    note = Note.query.get_or_404(note_id)
    db.session.delete(note)
    db.session.commit()
    return "", 204


@bp.post("/auth/social")
def social_sign_in():
    """Workout_Tracker's shape: the provider's token names the account, which becomes the
    caller; the handler logs it in and selects no one else's record."""
    data = request.get_json()
    provider = data.get("provider")
    token = data.get("token")
    email, name = verify_provider_token(provider, token)
    user = User.query.filter_by(email=email).first_or_404()
    return jsonify(token=create_access_token(identity=user.id), email=user.email)


@bp.post("/auth/impersonate")
@jwt_required()
def impersonate():
    data = request.get_json()
    user = User.query.filter_by(email=data["email"]).first_or_404()  # expect: FL201(medium)
    return jsonify(token=create_access_token(identity=user.id))


def verify_provider_token(provider, token):
    import jwt

    claims = jwt.decode(token, PROVIDER_KEYS[provider], algorithms=["RS256"], audience="app", issuer="https://accounts.google.com")
    return claims["email"], claims["name"]


PROVIDER_KEYS = {}


@bp.get("/notes/find")
@jwt_required()
def find_note():
    note = Note.query.get_or_404(request.args.get("id"))  # expect: FL201(medium)
    return jsonify(text=note.text)


@bp.post("/notes/rename")
@jwt_required()
def rename_note():
    data = request.get_json()
    note = Note.query.filter_by(id=data["id"]).first_or_404()  # expect: FL201(medium)
    note.text = data["text"]
    db.session.commit()
    return jsonify(ok=True)


# --- traps: scoped by the caller, shared records, files and pages -------------------------------


@bp.get("/reports/<int:report_id>/mine")
@jwt_required()
def read_own_report(report_id):
    report = Report.query.filter_by(id=report_id, owner_id=get_jwt_identity()).first_or_404()
    return jsonify(body=report.body)


@bp.get("/products/<product_id>")
@jwt_required()
def read_product(product_id):
    # No owner column: a catalogue every caller may read.
    return jsonify(name=Product.query.get_or_404(product_id).name)


@bp.get("/help/<int:doc_id>")
@jwt_required()
def read_help(doc_id):
    # Named like an owned object, but `HelpDoc` has no owner: the use decides.
    return jsonify(title=HelpDoc.query.get_or_404(doc_id).title)


@bp.get("/uploads/<file_id>")
@jwt_required()
def download(file_id):
    # A static file, not a record of anyone's.
    return send_from_directory("static/uploads", file_id)


@bp.get("/pages/<slug>")
@jwt_required()
def read_page(slug):
    page = Page.query.filter_by(slug=slug).first_or_404()
    return render_template("page.html", page=page)


@bp.get("/posts/<int:post_id>")
@jwt_required()
def read_post(post_id):
    # Authored content: every reader may see it.
    return jsonify(title=Post.query.get_or_404(post_id).title)


@bp.get("/notes/category/<category>")
@jwt_required()
def notes_in_category(category):
    # `category` picks out no row: not an object id.
    notes = Note.query.filter_by(category=category, owner_id=get_jwt_identity()).all()
    return jsonify([n.text for n in notes])


@bp.get("/boards/<int:board_id>/cards")
@jwt_required()
def board_cards(board_id):
    # The variable selects a board, which nobody owns; the cards are found through the board row
    # it loaded, not by the id.
    board = Board.query.get_or_404(board_id)
    cards = Card.query.filter_by(board_id=board.id).all()
    return jsonify(title=board.title, cards=[c.id for c in cards])


@bp.post("/notes/read")
@jwt_required()
def read_note_checked():
    note = Note.query.get_or_404(request.json["note_id"])
    # The body id is related to the caller before the note is returned.
    if note.owner_id != int(get_jwt_identity()):
        return jsonify(error="not found"), 404
    return jsonify(text=note.text)


@bp.post("/follow")
@jwt_required()
def follow():
    # The user the body names is a counterpart: nothing of theirs is read, changed or deleted.
    user = User.query.get_or_404(request.json["user_id"])
    current_user.follow(user)
    db.session.commit()
    return jsonify(ok=True)


@bp.post("/cart")
@jwt_required()
def add_to_cart():
    product = Product.query.get_or_404(request.json["product_id"])
    return jsonify(name=product.name)


allows = Allows()


class CanEditReport(Requirement):
    def fulfill(self, user):
        return Report.query.get(request.view_args["report_id"]).owner_id == user.id


@bp.put("/reports/<int:report_id>")
@jwt_required()
@allows.requires(CanEditReport())
def edit_report(report_id):
    # A flask-allows requirement decides, with the report in reach.
    report = Report.query.get_or_404(report_id)
    report.body = request.json["body"]
    db.session.commit()
    return jsonify(ok=True)


# An account read by id and sent back with personal fields: another user's data.
@bp.get("/patients/<int:pid>")
@jwt_required()
def read_patient(pid):  # expect: FL201
    return db.get_or_404(Patient, pid).to_dict()


# Trap: an account read by id through a serializer that shows only public profile fields is a
# profile page (microblog's `/api/users/<id>`), like `/user/<username>`.
@bp.get("/members/<int:member_id>")
@jwt_required()
def read_member(member_id):
    return db.get_or_404(Member, member_id).to_dict()


# Changing that account is another matter.
@bp.delete("/members/<int:member_id>")
@jwt_required()
def delete_member(member_id):  # expect: FL201
    db.session.delete(db.get_or_404(Member, member_id))
    db.session.commit()
    return "", 204


def can_edit_note(note):
    return note.owner_id == get_jwt_identity()


def remove_note(note):
    if not note or not can_edit_note(note):
        return False
    db.session.delete(note)
    return True


# Trap: the row goes to a helper whose own helper compares its owner with the caller
# (calibre-web's `delete_shelf_helper` -> `check_shelf_edit_permissions`).
@bp.post("/notes/<int:note_id>/delete")
@jwt_required()
def delete_note_through_helpers(note_id):
    note = Note.query.filter(Note.id == note_id).first()
    remove_note(note)
    return "", 204


@bp.post("/picks/clear")
@jwt_required()
def clear_picks():
    # fantasy-dl-cup's shape: one lookup selected by two body ids, one missing ownership check.
    body = request.get_json()
    db.session.query(Pick).filter(Pick.owner_id == body["ownerId"], Pick.round_id == body["roundId"]).delete()  # expect: FL201
    db.session.commit()
    return jsonify(ok=True)
