from flask import request

from models import User


def test_lookup_without_key():
    # Test code builds the same shape on purpose.
    user = User.query.filter_by(api_key=request.cookies.get("uuid")).first()
    assert user is None
