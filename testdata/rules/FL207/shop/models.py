from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Coupon(db.Model):
    id = db.Column(db.Integer, primary_key=True)
