from datetime import datetime, timedelta, timezone

import jwt

KEY = "Zx9Cv8Bn7Mq6Wr5Et4Yu3Io2Pa1Sd0Fg"


def test_roundtrip():
    claims = {"sub": "1", "aud": "a", "iss": "i", "exp": datetime.now(tz=timezone.utc) + timedelta(minutes=1)}
    token = jwt.encode(claims, KEY, algorithm="HS256")
    assert jwt.decode(token, KEY, algorithms=["HS256"], audience="a", issuer="i")["sub"] == "1"
