from App.models import *
from App.controllers import *


def list_reported_images():
    return sorted(REPORTS)


def delete_reported_image(item_id):
    return REPORTS.pop(item_id, None) is not None
