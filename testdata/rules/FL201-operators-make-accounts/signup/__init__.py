"""A shared ticket queue anyone may join: `POST /register` makes an account for whoever asks
(its 403 for a taken e-mail compares no role), so a ticket read or changed by id may be a
stranger's: high, though a command makes accounts too."""
import click
from flask import Flask, abort, request
from flask_login import LoginManager, UserMixin, login_required
from flask_sqlalchemy import SQLAlchemy

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


@app.cli.command("create-user")
@click.argument("email")
def create_user_command(email):
    db.session.add(User(email=email))
    db.session.commit()


@app.post("/register")
def register():
    if User.query.filter_by(email=request.json["email"]).first() is not None:
        return {"error": "taken"}, 403
    user = User(email=request.json["email"])
    user.save()
    return {"id": user.id}, 201


@app.get("/tickets/<int:ticket_id>")
@login_required
def show_ticket(ticket_id):  # expect: FL201(high)
    ticket = Ticket.query.get_or_404(ticket_id)
    return {"id": ticket.id, "status": ticket.status}


@app.put("/tickets/<int:ticket_id>")
@login_required
def close_ticket(ticket_id):  # expect: FL201(high)
    ticket = Ticket.query.get_or_404(ticket_id)
    ticket.status = "closed"
    db.session.commit()
    abort(204)
