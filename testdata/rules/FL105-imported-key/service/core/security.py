"""burdells' API: one module signs with `SECRET_KEY` (its pydantic settings' value), another
imports the same name to verify. The tokens are the service's own: FL105 is low."""
import time

from jose import jwt

from service.core.config import settings

SECRET_KEY = settings.SECRET_KEY


def create_access_token(subject):
    claims = {"sub": str(subject), "exp": int(time.time()) + 1800}
    return jwt.encode(claims, SECRET_KEY, algorithm="HS256")
