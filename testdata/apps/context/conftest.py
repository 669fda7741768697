import jwt
import pytest


@pytest.fixture
def none_token():
    return jwt.encode({"sub": "1", "exp": 1_900_000_000}, None, algorithm="none")
