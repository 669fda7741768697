from flask import redirect, url_for
from flask_admin import Admin, BaseView, expose
from flask_admin.contrib.sqla import ModelView
from flask_login import current_user

from shop.models import Coupon, db


class AdminOnlyView(ModelView):
    def is_accessible(self):
        return current_user.is_authenticated and current_user.is_admin

    def inaccessible_callback(self, name, **kwargs):
        return redirect(url_for("login"))


class CouponView(AdminOnlyView):
    column_list = ["id"]


class ReportsPage(BaseView):
    @expose("/")
    def index(self):
        if not current_user.is_authenticated:
            return redirect(url_for("login"))
        return self.render("reports.html")


def setup_secure_admin(app):
    admin = Admin(app, name="Back office", url="/backoffice", endpoint="backoffice")
    # Traps: an access check in the base class; a project page that checks access itself.
    admin.add_view(CouponView(Coupon, db.session))
    admin.add_views(ReportsPage(name="Reports"))
