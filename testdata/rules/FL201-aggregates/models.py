from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Train(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    total_seats = db.Column(db.Integer)


class Booking(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    train_id = db.Column(db.Integer, db.ForeignKey("train.id"))
    passengers = db.Column(db.Integer)
