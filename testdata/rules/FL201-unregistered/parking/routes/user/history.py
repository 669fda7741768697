from flask import jsonify
from flask_login import login_required

from parking.models import Reservation

from . import user_bp


@user_bp.route("/history/<int:user_id>")
@login_required
def history(user_id):  # expect: FL201
    rows = Reservation.query.filter_by(user_id=user_id).all()
    return jsonify([row.spot for row in rows])
