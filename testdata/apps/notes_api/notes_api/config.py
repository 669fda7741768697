import os
from datetime import timedelta

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-change-me")  # expect: FL302

# Tokens this service mints and accepts.
JWT_ALGORITHM = "HS256"
JWT_ALGORITHMS = [JWT_ALGORITHM]
JWT_ISSUER = "https://notes.example.com"
JWT_AUDIENCE = "notes-api"
ACCESS_TOKEN_LIFETIME = timedelta(minutes=15)
SHARE_LINK_LIFETIME = timedelta(days=7)

# Partner integrations: the reporting partner signs with RS256, the old mobile app with our
# shared secret, so one list was written to accept both.
PARTNER_ALGORITHMS = ["RS256", "HS256"]
PARTNER_PUBLIC_KEY = os.environ.get("PARTNER_PUBLIC_KEY", "")

# Kept from the days before the refresh endpoint checked expiry; see views.refresh().
REFRESH_DECODE_OPTIONS = {"verify_exp": False}
STRICT_DECODE_OPTIONS = {"require": ["exp", "iat", "sub"]}


class Config:
    SECRET_KEY = SECRET_KEY
    JSON_SORT_KEYS = False
    NOTES_PER_PAGE = 20
