from flask_login import current_user
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    password_hash = db.Column(db.String(128))


class Listing(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    active = db.Column(db.Boolean)
    watched = db.Column(db.Boolean)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))

    @staticmethod
    def delete_by_id(listing_id):
        found = Listing.own_listing(listing_id)
        if not found:
            return False
        db.session.delete(found)
        db.session.commit()
        return True

    @staticmethod
    def own_listing(listing_id):
        return Listing.query.filter_by(user_id=current_user.id, id=listing_id).first()


class PasswordReset(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))


class AuditLog(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    action = db.Column(db.String(80))
    actor_id = db.Column(db.Integer)

    @staticmethod
    def record(action):
        db.session.add(AuditLog(action=action, actor_id=current_user.id))


def log_action(listing_id):
    # Records who acted; checks nothing.
    AuditLog.record(f"archived {listing_id}")
