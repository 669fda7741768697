from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

_serializer = URLSafeTimedSerializer("k" * 40)


class SerializeError(ValueError):
    """Raised only when the serializer refused the token."""


class LookupFailed(ValueError):
    """Raised for refused tokens and for other failures alike."""


def deserialize(token, salt=None, max_age=86400):
    try:
        return _serializer.loads(token, salt=salt, max_age=max_age)
    except (BadSignature, SignatureExpired):
        raise SerializeError


def load_account(token):
    try:
        return _serializer.loads(token)
    except BadSignature:
        raise LookupFailed
    finally:
        pass


def account_or_fail(name):
    if not name:
        raise LookupFailed
    return name
