"""An alias of Flask-Login's decorator in a helpers module (GOV.UK Notify's admin app:
`user_is_logged_in = login_required`), and the Digital Marketplace's wrapper whose view runs
only when a library's login guard answers nothing."""
from functools import wraps

from dmutils.access_control import require_login
from flask_login import login_required

user_is_logged_in = login_required


def supplier_login_required(func):
    @wraps(func)
    def decorated_view(*args, **kwargs):
        return require_login(role="supplier") or func(*args, **kwargs)

    return decorated_view


def logs_the_visit(func):
    # Trap: `or` of a call that asks for nothing.
    @wraps(func)
    def decorated_view(*args, **kwargs):
        return print("visit") or func(*args, **kwargs)

    return decorated_view
