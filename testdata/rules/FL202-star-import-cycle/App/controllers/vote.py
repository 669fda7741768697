from App.models import *
from App.controllers import *


def list_votes():
    return sorted(REPORTS)


def delete_vote(item_id):
    return REPORTS.pop(item_id, None) is not None
