from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import Mapped, mapped_column

db = SQLAlchemy()


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))
    # Generated on request: every account starts without one.
    api_key = db.Column(db.String(60), nullable=True)


class Agent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(64))


class Device(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    # Every device has its secret from the start.
    secret = db.Column(db.String(64), nullable=False)


class Service(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # `Mapped[str]`: NOT NULL.
    service_key: Mapped[str] = mapped_column()


class UserSetting(db.Model):
    """A key/value table: `key` names a setting."""

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer)
    key = db.Column(db.String(64))
    value = db.Column(db.String(255))
