from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Donation(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    donor_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    paid = db.Column(db.Boolean, default=False)
