"""Accounts for Google identities, made on first sign-in."""


def account_for(email):
    from . import User, db

    user = User.query.filter_by(email=email).first()
    if user is None:
        user = User(email=email)
        db.session.add(user)
        db.session.commit()
    return user
