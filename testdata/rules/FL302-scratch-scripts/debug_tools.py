import time

import jwt

SUPPORT_KEY = "support"  # expect: FL302


def issue_support_token(user):
    return jwt.encode({"sub": user, "exp": int(time.time()) + 600}, SUPPORT_KEY, algorithm="HS256")
