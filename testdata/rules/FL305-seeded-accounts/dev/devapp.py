"""A development app's accounts (canaille's `dev/devapp.py`): low."""
from shop.accounts import Admin


def populate(db):
    db.session.add(Admin(username="admin", password="admin"))  # expect: FL305(low)
