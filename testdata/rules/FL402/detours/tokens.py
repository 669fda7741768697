"""Helpers whose failures come back as text: their callers hold the exception's text."""
import jwt


def read_claims(token, key):
    try:
        return jwt.decode(token, key, algorithms=["HS256"], audience="shop", issuer="auth")
    except Exception as e:
        return str(e)


def expired_reason(token, key):
    # A token library's reason is FL401's subject, not FL402's.
    try:
        return jwt.decode(token, key, algorithms=["HS256"], audience="shop", issuer="auth")
    except jwt.ExpiredSignatureError as e:
        return f"expired: {e}"
