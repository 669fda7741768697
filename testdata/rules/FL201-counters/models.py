from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Photo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    title = db.Column(db.String(80))
    flag = db.Column(db.Integer, default=0)
    likes = db.Column(db.Integer, default=0)
    views = db.Column(db.Integer, default=0)
    credits = db.Column(db.Integer, default=0)
