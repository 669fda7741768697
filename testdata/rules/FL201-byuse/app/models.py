"""Flask-SQLAlchemy models: whose rows are whose is read from the columns."""
import sqlalchemy as sa
import sqlalchemy.orm as so

from .extensions import db


class User(db.Model):
    __tablename__ = "users"
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)


class Customer(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))


class OwnedMixin:
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"))


class Report(OwnedMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.Text)


class Workspace(db.Model):
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    public_id: so.Mapped[str] = so.mapped_column(sa.String(36), unique=True)
    owner: so.Mapped["User"] = so.relationship()
    plan: so.Mapped[str] = so.mapped_column(sa.String(20))


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer_id = db.Column(db.Integer, db.ForeignKey("customer.id"))
    total = db.Column(db.Numeric)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    title = db.Column(db.String(200))


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    category = db.Column(db.String(40))
    text = db.Column(db.Text)


class Wallet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    holder = db.relationship("User", backref="wallets")
    balance = db.Column(db.Numeric)


class Ticket(db.Model):
    __tablename__ = "Ticket"
    id_ticket = db.Column(db.Integer(), primary_key=True)
    id_user = db.Column(db.Integer(), db.ForeignKey("users.id"), nullable=False)
    subject = db.Column(db.String(128))


class Board(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))


class Card(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.Integer, db.ForeignKey("board.id"))
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"))


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))
    price = db.Column(db.Numeric)


class Page(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(80), unique=True)
    html = db.Column(db.Text)


class HelpDoc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))


SCHEMA = """
CREATE TABLE IF NOT EXISTS statements (
    crn TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    amount NUMERIC,
    FOREIGN KEY (customer_id) REFERENCES customer(id)
)
"""


class Member(db.Model):
    """An account whose serializer shows only what a profile page shows."""

    __tablename__ = "members"
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64), unique=True)
    email = db.Column(db.String(120), unique=True)

    def to_dict(self, include_email=False):
        data = {"id": self.id, "username": self.username, "about_me": "", "post_count": 0}
        if include_email:
            data["email"] = self.email
        return data


class Patient(db.Model):
    """An account whose serializer sends personal data."""

    __tablename__ = "patients"
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)

    def to_dict(self):
        return {"id": self.id, "email": self.email}


class Pick(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    round_id = db.Column(db.Integer, db.ForeignKey("rounds.id"))
