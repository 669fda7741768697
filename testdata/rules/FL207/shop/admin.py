from flask_admin import Admin
from flask_admin.contrib.sqla import ModelView

from shop.models import Order, User, db


def setup_admin(app):
    admin = Admin(app, name="Shop admin")

    class UserView(ModelView):
        column_list = ["id", "email"]

    admin.add_view(UserView(User, db.session))  # expect: FL207
    admin.add_view(ModelView(Order, db.session))
