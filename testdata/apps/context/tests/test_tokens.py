import jwt

from app import app


def test_none_is_refused():
    token = jwt.encode({"sub": "1", "exp": 1_900_000_000}, None, algorithm="none")
    with app.test_client() as client:
        assert client.get("/", headers={"Authorization": f"Bearer {token}"}).status_code == 401
