from App.models import *
from App.controllers import *


def list_comments():
    return sorted(REPORTS)


def delete_comment(item_id):
    return REPORTS.pop(item_id, None) is not None
