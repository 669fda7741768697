from App.models import *
from App.controllers import *


def list_users():
    return sorted(REPORTS)


def delete_user(item_id):
    return REPORTS.pop(item_id, None) is not None
