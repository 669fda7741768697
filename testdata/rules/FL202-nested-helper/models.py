from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Salon(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    name = db.Column(db.String(80))


class Review(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    salon_id = db.Column(db.Integer, db.ForeignKey("salon.id"))
    text = db.Column(db.Text)
