"""Accounts given a literal password through the model itself: `set_password("admin123")`
(safedrive's seed), the account's constructor (`Admin(username="admin", password="admin")`),
or a `create` of an account class (yamakanban's `User.create(..., password="admin")`). A literal
in a hash column is a marker no password matches (WorkZen's `password_hash="google_oauth"`), an
account named at random is none anyone logs in as (canaille's permission probe), and a function
named for test data is low (flaskbb's `create_test_data`). Made an administrator by the same
code, a known login opens the administration: high (Huutokauppa's first-request admin)."""
import uuid

from . import User, db


class Admin(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80))
    password = db.Column(db.String(255))
    is_admin = db.Column(db.Boolean)

    def set_password(self, password):
        self.password = password

    @classmethod
    def create(cls, **fields):
        return cls(**fields)


def create_first_admin():
    admin = Admin(username="root")
    admin.set_password("admin123")  # expect: FL305(medium)
    db.session.add(admin)
    db.session.add(Admin(username="admin", password="admin"))  # expect: FL305(medium)
    db.session.add(Admin.create(username="ops", password="ops-password"))  # expect: FL305(medium)
    db.session.commit()


def add_super_admin():
    account = Admin(username="admin@email.com")
    account.set_password("based_god")  # expect: FL305(high)
    account.is_admin = True
    db.session.add(account)
    db.session.add(Admin(username="boss", password="boss-password", is_admin=True))  # expect: FL305(high)
    db.session.commit()


def sign_in_with_google(email):
    db.session.add(User(username=email, password_hash="google_oauth"))
    db.session.commit()


def can_create_accounts():
    probe = Admin(username=f"probe_{uuid.uuid4()}", password="correct horse battery staple")
    db.session.add(probe)
    db.session.delete(probe)


def create_test_data():
    for number in range(5):
        user = Admin(username=f"test{number}", password="test")  # expect: FL305(low)
        db.session.add(user)
