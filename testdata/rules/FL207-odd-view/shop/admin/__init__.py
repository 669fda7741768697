from flask_admin import BaseView
from flask_admin.contrib.sqla import ModelView
from flask_login import current_user


class AuthMixin(object):
    def is_accessible(self):
        return current_user.is_authenticated and current_user.is_admin


class AdminModelView(AuthMixin, ModelView):
    pass
