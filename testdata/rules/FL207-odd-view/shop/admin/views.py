from flask_admin import BaseView, expose
from flask_login import login_required

from shop.admin import AdminModelView


class OrdersView(AdminModelView):
    pass


class InvoicesView(BaseView):
    @expose("/", methods=["POST"])
    def submit(self):
        return "submitted"


class ReportsView(BaseView):
    @expose("/")
    @login_required
    def index(self):
        return "reports"
