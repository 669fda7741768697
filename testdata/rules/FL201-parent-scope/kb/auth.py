from functools import wraps

from flask import abort, g, request

from .models import Dataset


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not request.headers.get("Authorization"):
            abort(401)
        return view(*args, **kwargs)

    return wrapper


def with_tenant(view):
    """Hands the caller's id to the view as `tenant_id`."""

    @wraps(view)
    def wrapper(**kwargs):
        from flask_login import current_user

        kwargs["tenant_id"] = current_user.id
        return view(**kwargs)

    return wrapper


def require_dataset_access(view):
    """Refuses unless the caller owns the dataset named in the URL."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        dataset_id = kwargs.get("dataset_id")
        if not Dataset.query.filter_by(id=dataset_id, owner_id=kwargs.get("tenant_id")).first():
            return {"error": "no access to the dataset"}, 404
        return view(*args, **kwargs)

    return wrapper
