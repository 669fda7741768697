from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    ssn = db.Column(db.String(11))
    active = db.Column(db.Boolean)


class SessionRow(db.Model):
    id = db.Column(db.String(40), primary_key=True)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    number = db.Column(db.String(20))
    cancelled = db.Column(db.Boolean)
    paid = db.Column(db.Boolean)
    views = db.Column(db.Integer)
