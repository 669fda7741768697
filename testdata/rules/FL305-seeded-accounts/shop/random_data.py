"""flask-shop's `random_data.py`: made-up products, addresses and orders from Faker, and its
`create_admin()` making three staff accounts whose passwords are their names. A module that
fills a database with fake records is sample data: one low finding for the function, naming
the other accounts' lines."""
from faker import Faker

from shop.accounts import Admin

fake = Faker()


def create_addresses(count):
    return [fake.address() for _ in range(count)]


def create_admin():
    admin = Admin(username="admin", email=fake.email())
    admin.set_password("admin")  # expect: FL305(low)
    operator = Admin(username="op", email=fake.email())
    operator.set_password("op")
    editor = Admin(username="editor", email=fake.email())
    editor.set_password("editor")
    return [admin, operator, editor]
