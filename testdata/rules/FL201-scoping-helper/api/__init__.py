from flask import g
from flask_jwt_extended import get_jwt_identity


def filter_by_owner(model):
    user_id = get_jwt_identity()
    return model.query.filter(model.user_id == user_id)


def owned(model):
    # A helper of a helper: still the caller's rows.
    return filter_by_owner(model)


def get_db():
    # `g` holds the request's database handle, not the caller.
    return g.db
