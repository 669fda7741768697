"""metabrainz's admin: every view is built on the project's `AuthMixin` but one, a `BaseView`
whose pages check nothing, registered (with function-level imports) under a setting. A
`BaseView` whose pages check the login themselves stays silent."""
from flask import Flask
from flask_login import LoginManager, login_required


def create_app():
    app = Flask(__name__)
    LoginManager(app)

    @app.route("/account")
    @login_required
    def account():
        return "mine"

    from flask_admin import Admin
    admin = Admin(app)
    from shop.admin.views import InvoicesView, OrdersView, ReportsView
    from shop import db
    admin.add_view(OrdersView(db.session, endpoint="orders"))
    if app.config.get("INVOICING"):
        admin.add_view(InvoicesView(name="Invoices", endpoint="invoices/"))  # expect: FL207
    admin.add_view(ReportsView(name="Reports", endpoint="reports/"))
    return app
