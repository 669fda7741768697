import os

SECRET_KEY = os.environ["SECRET_KEY"]
JWT_ALGORITHM = "HS256"
JWT_AUDIENCE = "billing"
JWT_ISSUER = "https://id.example.com/"

# "Temporarily" off while the identity provider rotates keys.
VERIFY_TOKENS = False

UNVERIFIED_OPTIONS = {"verify_signature": False}
BASE_OPTIONS = {"require": ["exp", "iat"]}
STRICT_OPTIONS = {"verify_signature": True, "require": ["exp", "iat", "sub"]}

TENANT_KEYS = {
    "https://id.example.com/": "tenant-a-secret",
    "https://login.partner.example/": "tenant-b-secret",
}
