from App.models import *
from App.controllers import *


def list_regions():
    return sorted(REPORTS)


def delete_region(item_id):
    return REPORTS.pop(item_id, None) is not None
