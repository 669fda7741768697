from flask import Blueprint

api_bp = Blueprint("api", __name__)

from . import user_reservations  # noqa: E402,F401
