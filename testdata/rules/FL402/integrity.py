"""An IntegrityError's `orig` is the driver's message: the constraint that failed, not the SQL
statement SQLAlchemy's own `str(e)` carries. Low, as on any route."""
from flask import Blueprint, abort
from sqlalchemy.exc import IntegrityError

from .models import Item, db

integrity = Blueprint("integrity", __name__)


@integrity.post("/items")
def create_item():  # expect: FL202
    try:
        db.session.add(Item())
        db.session.commit()
    except IntegrityError as e:
        abort(400, description="Database Integrity Error: " + str(e.orig))  # expect: FL402(low)
    return {}, 201


@integrity.post("/tags")
def create_tag():  # expect: FL202
    try:
        db.session.add(Item())
        db.session.commit()
    except IntegrityError as e:
        # Trap: SQLAlchemy's wrapper text holds the statement and its parameters.
        abort(400, description=str(e))  # expect: FL402(low)
    return {}, 201


@integrity.app_errorhandler(IntegrityError)
def integrity_error(error):
    return {"code": 400, "description": str(error.orig)}, 400  # expect: FL402(low)
