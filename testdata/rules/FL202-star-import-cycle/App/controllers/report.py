from App.models import *
from App.controllers import *


def list_reports():
    return sorted(REPORTS)


def delete_report(item_id):
    return REPORTS.pop(item_id, None) is not None
