from datetime import datetime, timedelta

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class ApiToken(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(64), unique=True)
    expires_at = db.Column(db.DateTime, default=lambda: datetime.utcnow() + timedelta(days=30))


class PasswordReset(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    expires = db.Column(db.DateTime)

    def is_expired(self):
        return self.expires < datetime.utcnow()

    @classmethod
    def live(cls, reset_id):
        return cls.query.filter(cls.id == reset_id, cls.expires > datetime.utcnow()).first()


class Invitation(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255))
