"""Google sign-in that makes the account on first sign-in, through the project's own helper:
anyone with a Google account joins, so the shared-looking tickets may be strangers': high."""
from flask import Flask, request, session
from flask_login import LoginManager, UserMixin, login_required, login_user
from flask_sqlalchemy import SQLAlchemy

from .accounts import account_for

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model, UserMixin):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))


class Ticket(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    status = db.Column(db.String(20))


@app.get("/auth/google/callback")
def google_callback():
    email = session.pop("google_email", None) or request.args["email"]
    login_user(account_for(email))
    return {"ok": True}


@app.get("/tickets/<int:ticket_id>")
@login_required
def show_ticket(ticket_id):  # expect: FL201(high)
    ticket = Ticket.query.get_or_404(ticket_id)
    return {"id": ticket.id, "status": ticket.status}
