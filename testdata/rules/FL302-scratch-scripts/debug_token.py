"""Tries candidate secrets on a pasted token, then mints one for a manual test."""
import time

import jwt

claims = {"sub": 2, "exp": int(time.time()) + 60}
candidate = jwt.encode(claims, "testing", algorithm="HS256")  # expect: FL302(low)
