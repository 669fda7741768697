"""A team's back office: accounts are made only by the `flask create-user` command (no route
lets anyone sign up), so every user is a colleague the operators let in, and the shared ticket
queue is handled by all of them: reading or changing a ticket by id is low, with where accounts
are made.

Traps, still high: changing an account by id (colleagues share records, not logins); reports,
which only administrators may file (another route checks the role before it handles them);
notes, which the app lists narrowed to the caller (its users' notes are kept apart); and the
login, which wraps a database row in `User(...)` for Flask-Login and saves nothing, so it is no
sign-up."""
import click
from flask import Flask, abort, request
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model, UserMixin):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))
    role = db.Column(db.String(20))


class Ticket(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    status = db.Column(db.String(20))


class Report(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    body = db.Column(db.Text)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    body = db.Column(db.Text)


@app.cli.command("create-user")
@click.argument("email")
def create_user_command(email):
    user = User(email=email, role="staff")
    db.session.add(user)
    db.session.commit()


@app.post("/login")
def login():
    row = db.session.execute(
        db.text("SELECT id, email, role FROM user WHERE email = :e"), {"e": request.form["email"]}
    ).first()
    if row is None:
        abort(401)
    login_user(User(id=row[0], email=row[1], role=row[2]))
    return {"ok": True}


@app.get("/tickets/<int:ticket_id>")
@login_required
def show_ticket(ticket_id):  # expect: FL201(low)
    ticket = Ticket.query.get_or_404(ticket_id)
    return {"id": ticket.id, "status": ticket.status}


@app.put("/tickets/<int:ticket_id>")
@login_required
def close_ticket(ticket_id):  # expect: FL201(low)
    ticket = Ticket.query.get_or_404(ticket_id)
    ticket.status = "closed"
    db.session.commit()
    return {"id": ticket.id}


@app.put("/users/<int:user_id>")
@login_required
def update_user(user_id):  # expect: FL201(high)
    user = User.query.get_or_404(user_id)
    user.email = request.json["email"]
    db.session.commit()
    return {"id": user.id}


@app.post("/reports")
@login_required
def file_report():
    if current_user.role != "admin":
        abort(403)
    report = Report(user_id=current_user.id, body=request.json["body"])
    db.session.add(report)
    db.session.commit()
    return {"id": report.id}


@app.delete("/reports/<int:report_id>")
@login_required
def delete_report(report_id):  # expect: FL201(high)
    report = Report.query.get_or_404(report_id)
    db.session.delete(report)
    db.session.commit()
    return {"deleted": report_id}


@app.get("/notes")
@login_required
def list_notes():
    notes = Note.query.filter_by(user_id=current_user.id).all()
    return {"notes": [n.body for n in notes]}


@app.get("/notes/<int:note_id>")
@login_required
def show_note(note_id):  # expect: FL201(high)
    return {"body": Note.query.get_or_404(note_id).body}
