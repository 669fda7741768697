from jose import jwt

from service.core.security import SECRET_KEY


def current_subject(token):
    payload = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])  # expect: FL105(low)
    return payload["sub"]
