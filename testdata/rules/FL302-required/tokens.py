"""The code that signs with `JWT_SECRET_KEY`: the setting is read, so its weak fallback matters."""
import datetime

import jwt
from flask import current_app


def mint(user_id):
    expiry = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)
    return jwt.encode(
        {"sub": user_id, "exp": expiry}, current_app.config["JWT_SECRET_KEY"], algorithm="HS256"
    )
