from flask_login import UserMixin
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))
    role = db.Column(db.String(20), nullable=False)

    def is_freelancer(self):
        return self.role == "freelancer"

    def is_client(self):
        return self.role == "client"

    def is_admin(self):
        return self.role == "admin"


class Job(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    client_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    title = db.Column(db.String(120))
