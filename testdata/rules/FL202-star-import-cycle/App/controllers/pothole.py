from App.models import *
from App.controllers import *


def list_potholes():
    return sorted(REPORTS)


def delete_pothole(item_id):
    return REPORTS.pop(item_id, None) is not None
