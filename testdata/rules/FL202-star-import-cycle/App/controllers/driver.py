from App.models import *
from App.controllers import *


def list_drivers():
    return sorted(REPORTS)


def delete_driver(item_id):
    return REPORTS.pop(item_id, None) is not None
