import os

from shop.crypto import decrypt
from shop.models import Donation, db

WORKING_KEY = os.environ["GATEWAY_WORKING_KEY"]


def gateway_answer(encrypted):
    plain = decrypt(encrypted, WORKING_KEY)
    fields = dict(part.split("=", 1) for part in plain.split("&"))
    return fields["order_id"], fields["order_status"]


def mark_paid(order_id):
    donation = Donation.query.get(int(order_id))
    donation.paid = True
    db.session.commit()
